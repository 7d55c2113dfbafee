package io.quotewire.bulk;

import java.util.UUID;

/** Fired (asynchronously) once an import's job is stored, so this instance's {@link ImportWorker} starts it at once. */
public record ImportQueued(UUID jobId) {
}
