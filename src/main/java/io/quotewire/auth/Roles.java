package io.quotewire.auth;

/** The roles an API key can carry. An admin may do everything an editor may, and also delete. */
public final class Roles {

    /** May create, replace and patch records, and ingest articles. */
    public static final String EDITOR = "editor";
    /** May also delete records. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
