package org.meridian.linked;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;

/**
 * Chooses the form of a response: the {@code ?format=} parameter if given (browsers cannot set
 * Accept), otherwise the Accept header matched against what is offered by Jena's content
 * negotiation ({@link AcceptList}, as Fuseki uses it).
 */
public final class Negotiation {
    private final List<Representation> offered;

    /** @param offered the forms on offer, the preferred first (it also answers a missing Accept or {@code *}{@code /*}) */
    public Negotiation(List<Representation> offered) {
        this.offered = List.copyOf(offered);
    }

    /** The outcome: the chosen form, and whether it depended on the Accept header (then the response must say Vary: Accept). */
    public record Choice(Representation form, boolean byAccept) {}

    /** @return the choice, or empty when nothing offered is acceptable (406) */
    public Optional<Choice> choose(String formatParameter, String acceptHeader) {
        if (formatParameter != null)
            return offered.stream().filter(r -> r.isNamed(formatParameter.strip())).findFirst()
                    .map(r -> new Choice(r, false));
        if (acceptHeader == null || acceptHeader.isBlank())
            return Optional.of(new Choice(offered.get(0), true));
        AcceptList accepted = new AcceptList(acceptHeader);
        MediaType match = AcceptList.match(accepted, offers(withoutRefused(accepted)));
        // Only ranges with q=0 matched (say "*/*;q=0"): nothing is acceptable.
        if (match == null || accepted.match(match).get_q() <= 0)
            return Optional.empty();
        String chosen = match.getContentTypeStr();
        return offered.stream().filter(r -> r.mediaType().equals(chosen)).findFirst().map(r -> new Choice(r, true));
    }

    /** The names {@code ?format=} accepts, for messages. */
    public List<String> names() {
        return offered.stream().map(Representation::name).toList();
    }

    /** The media types offered, for messages. */
    public List<String> mediaTypes() {
        return offered.stream().map(Representation::mediaType).toList();
    }

    /**
     * Jena's matcher takes the best q among the ranges that accept an offer, so it would still serve
     * {@code text/turtle} for {@code text/turtle;q=0, *}{@code /*}. A q of 0 on the exact type means
     * "not this one" (RFC 9110 12.4.2): such offers are withdrawn first.
     */
    private List<Representation> withoutRefused(AcceptList accepted) {
        List<Representation> kept = new ArrayList<>();
        for (Representation form : offered) {
            MediaType type = MediaType.create(form.mediaType());
            boolean refused = accepted.entries().stream().anyMatch(range -> range.get_q() <= 0
                    && range.getType().equalsIgnoreCase(type.getType())
                    && range.getSubType().equalsIgnoreCase(type.getSubType()));
            if (!refused)
                kept.add(form);
        }
        return kept;
    }

    private static AcceptList offers(List<Representation> forms) {
        return new AcceptList(forms.stream().map(r -> new MediaRange(r.mediaType())).toArray(MediaRange[]::new));
    }
}
