package io.quotewire.api.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The per-instance view of a shared quota, with the shared count and the network simulated. */
class ClientQuotaTest {

    private static final long QUOTA = 600;
    private static final long SLACK = 30; // 5 % of the quota

    @Test
    void aLoneInstanceAllowsExactlyTheQuotaAndThenDenies() {
        ClientQuota quota = new ClientQuota(QUOTA, SLACK, 1000);
        long shared = 0;
        int allowed = 0;
        for (int i = 0; i < 2 * QUOTA; i++) {
            ClientQuota.Decision decision = quota.tryConsume(1, i);
            if (decision instanceof ClientQuota.MustSynchronize) {
                ClientQuota.Batch batch = quota.startSync(1);
                shared += batch.requests();
                quota.synced(batch, shared, i, false);
                decision = quota.tryConsume(1, i);
            }
            if (decision instanceof ClientQuota.Allowed) {
                allowed++;
            }
        }
        assertEquals(QUOTA, allowed);
    }

    @Test
    void noRequestWaitsUntilTheSlackIsUsedWithoutAnAnswer() {
        ClientQuota quota = new ClientQuota(QUOTA, SLACK, 1000);
        for (int i = 0; i < SLACK; i++) {
            assertInstanceOf(ClientQuota.Allowed.class, quota.tryConsume(1, 0));
        }
        assertInstanceOf(ClientQuota.MustSynchronize.class, quota.tryConsume(1, 0));
    }

    @Test
    void aNewWindowStartsWithTheWholeQuota() {
        ClientQuota quota = new ClientQuota(3, 3, 1000);
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(ClientQuota.Allowed.class, quota.tryConsume(1, 0));
        }
        ClientQuota.Batch batch = quota.startSync(1);
        quota.synced(batch, 3, 0, false);
        assertInstanceOf(ClientQuota.Denied.class, quota.tryConsume(1, 0));
        assertInstanceOf(ClientQuota.Allowed.class, quota.tryConsume(2, 60_000));
    }

    @Test
    void withTheDatabaseUnreachableAnInstanceEnforcesTheWholeQuotaAlone() {
        ClientQuota quota = new ClientQuota(QUOTA, SLACK, 1000);
        int allowed = 0;
        for (int i = 0; i < 2 * QUOTA; i++) {
            ClientQuota.Decision decision = quota.tryConsume(1, i);
            if (decision instanceof ClientQuota.MustSynchronize) {
                quota.syncFailed(quota.startSync(1), i, false);
                decision = quota.tryConsume(1, i);
            }
            if (decision instanceof ClientQuota.Allowed) {
                allowed++;
            }
        }
        assertEquals(QUOTA, allowed);
    }

    /**
     * Two instances, requests arriving at random on either, each instance's background pushes answered after a random
     * delay (during which both keep deciding): together they allow the quota, and at most 10 % more.
     */
    @Test
    void twoInstancesWithDelayedPushesStayWithinTenPercentOverTheQuota() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            long[] shared = {0};
            List<ClientQuota> instances = List.of(new ClientQuota(QUOTA, SLACK, 50), new ClientQuota(QUOTA, SLACK, 50));
            List<Deque<Object[]>> inFlight = List.of(new ArrayDeque<>(), new ArrayDeque<>());
            long allowed = 0;
            for (int step = 0; step < 4 * QUOTA; step++) {
                int i = random.nextInt(2);
                ClientQuota quota = instances.get(i);
                // answer some of this instance's pushes that are due
                while (!inFlight.get(i).isEmpty() && random.nextInt(4) == 0) {
                    Object[] push = inFlight.get(i).poll();
                    quota.synced((ClientQuota.Batch) push[0], (Long) push[1], step, true);
                }
                ClientQuota.Decision decision = quota.tryConsume(1, step);
                if (decision instanceof ClientQuota.MustSynchronize) {
                    // the waiting request's push is answered before it decides again; earlier pushes were applied in order
                    ClientQuota.Batch batch = quota.startSync(1);
                    shared[0] += batch.requests();
                    quota.synced(batch, shared[0], step, false);
                    decision = quota.tryConsume(1, step);
                }
                if (decision instanceof ClientQuota.Allowed allowedNow) {
                    allowed++;
                    if (allowedNow.synchronizeSoon()) {
                        ClientQuota.Batch batch = quota.startSync(1);
                        shared[0] += batch.requests(); // applied by the database now, its answer arrives later
                        inFlight.get(i).add(new Object[] {batch, shared[0]});
                    }
                }
            }
            assertTrue(allowed >= QUOTA, "trial " + trial + ": only " + allowed + " allowed");
            assertTrue(allowed <= QUOTA + 2 * SLACK, "trial " + trial + ": " + allowed + " allowed, more than 10 % over " + QUOTA);
        }
    }
}
