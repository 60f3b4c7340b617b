package org.ferganaatlas.data.user;

/**
 * A change to (or a read from) the already opened user database failed: disk full, file made read-only or
 * removed while the atlas ran. The futures of {@link UserDatabase}'s stores complete exceptionally with it; the
 * change is rolled back as a whole, and the folder is reported to {@link org.ferganaatlas.data.UserFolders} so the
 * window can say once that work is not being saved.
 */
public class UserStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
