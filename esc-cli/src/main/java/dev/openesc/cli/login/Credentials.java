package dev.openesc.cli.login;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code esc login} remembers: the server in use ({@code current}, null for the embedded local backend) and
 * an account per server logged in to.
 */
public record Credentials(String current, Map<String, Account> accounts) {
    public Credentials {
        accounts = Map.copyOf(accounts);
    }

    public static Credentials empty() {
        return new Credentials(null, Map.of());
    }

    /** The account of the current server, or null when none (the embedded backend is in use). */
    public Account currentAccount() {
        return current == null ? null : accounts.get(current);
    }

    public Credentials withAccount(String url, Account account) {
        Map<String, Account> next = new TreeMap<>(accounts);
        next.put(url, account);
        return new Credentials(url, next);
    }

    public Credentials without(String url) {
        Map<String, Account> next = new TreeMap<>(accounts);
        next.remove(url);
        return new Credentials(url.equals(current) ? null : current, next);
    }

    /** A server logged in to: its token and who the token is. */
    public record Account(String accessToken, String username, List<String> organizations) {
        public Account {
            organizations = organizations == null ? List.of() : List.copyOf(organizations);
        }

        /** Never the token: an account is the kind of thing that ends up in a log line. */
        @Override
        public String toString() {
            return "Account[username=" + username + ", organizations=" + organizations + "]";
        }
    }
}
