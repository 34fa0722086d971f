package org.meridian.link;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Proposes links from our unlinked entities to the items of an external file. A candidate must
 * share a name with the entity once both are folded ({@link Folding}: case and diacritics),
 * through the item's label or one of its aliases. Its kinds and countries must not contradict
 * ours: an item of another kind, or from another country, is a near-miss and is never proposed.
 * Score: half for the name (1 for the label, 0.9 for an alias), a quarter each for kind and country
 * (1 when they agree, 0.5 when one side does not say).
 */
final class Matcher {
    private final String idSpace;
    private final String fileName;

    /**
     * @param idSpace  where our entity IRIs live (BASE/id/)
     * @param fileName how proposals name the external file in their evidence
     */
    Matcher(String idSpace, String fileName) {
        this.idSpace = idSpace;
        this.fileName = fileName;
    }

    /** New proposals, and how many candidates were left out as near-misses. */
    record Outcome(List<Proposal> proposals, int nearMisses) {}

    private record Name(String text, boolean alias) {}

    /** What one side knows of a thing: its names, kinds and countries. */
    private static final class Profile {
        final Map<String, Name> names = new LinkedHashMap<>();
        final Set<String> kinds = new TreeSet<>();
        final Set<String> countries = new TreeSet<>();

        void add(Binding row, String nameVar, boolean alias) {
            Node name = row.get(nameVar);
            if (name != null && name.isLiteral())
                names.merge(Folding.fold(name.getLiteralLexicalForm()), new Name(name.getLiteralLexicalForm(), alias),
                        (old, added) -> old.alias() && !added.alias() ? added : old);
            Node kind = row.get("kind");
            if (kind != null)
                kinds.add(kind.isLiteral() ? kind.getLiteralLexicalForm() : kind.toString());
            Node country = row.get("country");
            if (country != null && country.isURI())
                countries.add(country.getURI());
        }
    }

    Outcome match(LinkQueries.Target target, List<Binding> ours, List<Binding> external, Set<String> linked,
                  Set<String> reviewed) {
        Map<Node, Profile> entities = new LinkedHashMap<>();
        for (Binding row : ours)
            entities.computeIfAbsent(row.get("entity"), e -> new Profile()).add(row, "label", false);
        Map<Node, Profile> items = new LinkedHashMap<>();
        for (Binding row : external) {
            Node item = row.get("item");
            if (item.isURI() && item.getURI().startsWith(target.space()) && !linked.contains(item.getURI()))
                items.computeIfAbsent(item, i -> new Profile()).add(row, "name", isTrue(row.get("alias")));
        }
        Map<String, List<Node>> byName = new HashMap<>();
        items.forEach((item, profile) -> profile.names.keySet().forEach(n -> byName.computeIfAbsent(n, k -> new ArrayList<>()).add(item)));

        List<Proposal> proposals = new ArrayList<>();
        // One entity can meet the same item through several names; the first proposal for a pair wins.
        Set<String> proposedKeys = new HashSet<>();
        int nearMisses = 0;
        for (Map.Entry<Node, Profile> entry : entities.entrySet()) {
            Profile entity = entry.getValue();
            String entityId = entry.getKey().getURI().substring(idSpace.length());
            for (String folded : entity.names.keySet())
                for (Node item : byName.getOrDefault(folded, List.of())) {
                    Profile candidate = items.get(item);
                    if (contradicts(entity.kinds, candidate.kinds) || contradicts(entity.countries, candidate.countries)) {
                        nearMisses++;
                        continue;
                    }
                    Proposal proposal = propose(target, entityId, entity, folded, item, candidate);
                    if (!reviewed.contains(proposal.key()) && proposedKeys.add(proposal.key()))
                        proposals.add(proposal);
                }
        }
        proposals.sort(Comparator.comparing(Proposal::score).reversed().thenComparing(Proposal::entity));
        return new Outcome(proposals, nearMisses);
    }

    private Proposal propose(LinkQueries.Target target, String entityId, Profile entity, String folded, Node item,
                             Profile candidate) {
        Name ourName = entity.names.get(folded);
        Name theirName = candidate.names.get(folded);
        double score = 0.5 * (theirName.alias() ? 0.9 : 1.0)
                + 0.25 * agreement(entity.kinds, candidate.kinds)
                + 0.25 * agreement(entity.countries, candidate.countries);
        String identifier = target.identifier(item.getURI());
        String evidence = fileName + ": " + identifier + " has the " + (theirName.alias() ? "alias" : "label")
                + " '" + theirName.text() + "'" + describe(candidate, target)
                + "; Meridian: '" + ourName.text() + "'" + describe(entity, target);
        return new Proposal(entityId, ourName.text(), target.scheme(), identifier,
                String.format(Locale.ROOT, "%.2f", score), evidence, "", 0);
    }

    private static String describe(Profile profile, LinkQueries.Target target) {
        StringBuilder text = new StringBuilder();
        if (!profile.kinds.isEmpty())
            text.append(", kind ").append(String.join("/", profile.kinds.stream().map(k -> shorten(k, target)).toList()));
        if (!profile.countries.isEmpty())
            text.append(", country ").append(String.join("/", profile.countries.stream().map(c -> shorten(c, target)).toList()));
        return text.toString();
    }

    private static String shorten(String iri, LinkQueries.Target target) {
        return iri.startsWith(target.space()) ? target.identifier(iri) : iri;
    }

    /** Both sides say, and they share nothing. */
    private static boolean contradicts(Set<String> ours, Set<String> theirs) {
        return !ours.isEmpty() && !theirs.isEmpty() && ours.stream().noneMatch(theirs::contains);
    }

    private static double agreement(Set<String> ours, Set<String> theirs) {
        return ours.isEmpty() || theirs.isEmpty() ? 0.5 : 1.0;
    }

    private static boolean isTrue(Node node) {
        return node != null && node.isLiteral() && "true".equals(node.getLiteralLexicalForm());
    }
}
