package io.quotewire;

import java.time.Duration;

/** Waits for what a test cannot be told about: polls a condition until it holds or the time is up. */
public final class Await {

    private Await() {
    }

    /** Polls {@code done} every 50 ms until it holds or {@code within} has passed; whether it held. */
    public static boolean until(Condition done, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        try {
            while (!done.holds()) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError("could not tell whether the awaited condition holds", e);
        }
    }

    /** What a test waits for; it may fail as a read of the database or the index can. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }
}
