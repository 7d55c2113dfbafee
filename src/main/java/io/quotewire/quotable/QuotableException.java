package io.quotewire.quotable;

/** A refusal of the Quotable layer, answered as Quotable did ({@link QuotableError}). */
public class QuotableException extends RuntimeException {

    private final int status;

    public QuotableException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static QuotableException notFound() {
        return new QuotableException(404, QuotableError.NOT_FOUND);
    }

    public int status() {
        return status;
    }
}
