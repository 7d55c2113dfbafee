package io.quotewire.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.ChangedSettings;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The scheduler is off in {@link ChangedSettings}, so no tick of {@link ImportWorker} ever comes: an import that ends
 * there was started by its own wake-up when it was queued.
 */
@QuarkusTest
@TestProfile(ChangedSettings.class)
class ImportWakeUpTest {

    @Test
    void anImportQueuedOnThisInstanceRunsWithoutWaitingForTheWorkersTick() throws Exception {
        JsonPath job = BulkImportTest.importAndWait("quotebank", BulkImportTest.sample("quotebank-quotes.json"));
        assertEquals("succeeded", job.getString("state"));
        assertEquals(4, job.getLong("counts.records"));
    }
}
