package org.meridian.serve.guard;

/**
 * Who may write through the curators' update endpoint, and on which loopback port it listens.
 * The password never appears in {@link #toString()}.
 */
public record CuratorAccess(String user, String password, int port) {
    public static final int DEFAULT_PORT = 3031;

    public CuratorAccess {
        if (user == null || user.isBlank() || user.contains(":"))
            throw new IllegalArgumentException("the curator user name must be non-empty and contain no ':'");
        if (password == null || password.isEmpty())
            throw new IllegalArgumentException("the curator password must not be empty");
        if (port < 0 || port > 65535)
            throw new IllegalArgumentException("the update port must be from 0 to 65535: " + port);
    }

    @Override
    public String toString() {
        return "CuratorAccess[user=" + user + ", port=" + port + "]";
    }
}
