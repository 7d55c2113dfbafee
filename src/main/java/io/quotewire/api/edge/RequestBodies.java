package io.quotewire.api.edge;

import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import io.quotewire.text.StrictUtf8;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every request body, before a reader turns it into a value: at most {@value #MAX_SIZE} also when it comes in chunks
 * without a declared length (413; {@link RequestScreening} refuses a declared one), and well-formed UTF-8 (400, by
 * {@link StrictUtf8}). This class owns the limit; everything that states it (problems, the OpenAPI description) takes
 * it from here.
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    /** The largest request body the service reads. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The limit as people read it. */
    public static final String MAX_SIZE = MAX_BYTES / (1024 * 1024) + " MiB";
    /** The detail of the 413 problem. */
    public static final String TOO_LARGE = "The request body is larger than " + MAX_SIZE;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() == InputStream.class) {
            // only a bulk import takes its body as a stream: it spools it to disk under its own limit (issue 13)
            return context.proceed();
        }
        byte[] body = readWithinLimit(context.getInputStream());
        if (!StrictUtf8.isWellFormed(body)) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "The request body is not valid UTF-8");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /**
     * The whole body, read no further than the limit: a larger one is a 413 problem here, before the HTTP layer's
     * backstop would cut it off with a bare 413.
     */
    public static byte[] readWithinLimit(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, TOO_LARGE);
        }
        return bytes;
    }
}
