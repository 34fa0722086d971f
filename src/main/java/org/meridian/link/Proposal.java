package org.meridian.link;

/**
 * One row of the review table: a proposed link and the curator's decision on it.
 * @param entity     the entity as the links table writes it, KIND/SLUG
 * @param label      the entity's name, for the curator
 * @param scheme     the links table's scheme (wikidata)
 * @param identifier the proposed identifier (Q58217)
 * @param score      how well it matched, from 0 to 1
 * @param evidence   what matched, quoting the external file; moves into the links table on acceptance
 * @param decision   empty while undecided, then accept or reject
 * @param line       where the row is in the review table (0 for a new proposal)
 */
public record Proposal(String entity, String label, String scheme, String identifier, String score, String evidence,
                       String decision, long line) {
    public static final String ACCEPT = "accept";
    public static final String REJECT = "reject";

    /** The pair a decision is about: the same pair is never proposed twice. */
    public String key() {
        return entity + " " + scheme + " " + identifier;
    }
}
