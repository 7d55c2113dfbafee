package io.quotewire.api.edge;

import io.quotewire.api.problem.ProblemException;
import io.quotewire.api.problem.ProblemType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Every request body, before a reader turns it into a value: at most 1 MiB also when it comes in chunks without a
 * declared length (413; {@link RequestScreening} refuses a declared one), and well-formed UTF-8 (400). Jackson alone
 * would read an overlong sequence such as {@code C0 AF} as {@code /}, the classic way to slip a character past a
 * check on the bytes.
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (context.getType() == InputStream.class) {
            // only a bulk import takes its body as a stream: it spools it to disk under its own limit (issue 13)
            return context.proceed();
        }
        byte[] body = readWithinLimit(context.getInputStream());
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
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
        byte[] bytes = body.readNBytes((int) RequestScreening.MAX_BYTES + 1);
        if (bytes.length > RequestScreening.MAX_BYTES) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than 1 MiB");
        }
        return bytes;
    }
}
