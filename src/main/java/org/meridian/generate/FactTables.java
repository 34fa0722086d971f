package org.meridian.generate;

import static org.meridian.generate.EntityTables.cells;

import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Writes the facts between the entities: agreements and the parts actors play in them, events and
 * who took part, statements, and trade flows by reporter, partner, commodity and year, which take
 * up the rest of the scale.
 */
final class FactTables {
    private static final String[] AGREEMENT_KINDS = {"SupplyContract", "SupplyContract", "PartnershipDeclaration", "PipelineProject"};
    private static final String[] AGREEMENT_STATUSES = {"signed", "in-force", "in-force", "ended", "announced", "proposed"};
    private static final String[] EVENT_KINDS = {"Meeting", "Conference", "StateVisit"};
    private static final String[] TOPICS = {"trade", "economy", "energy", "diplomacy", "sanctions"};
    private static final String[] CLAIMS = {"trade with %s will grow", "relations with %s are strong",
        "talks with %s made progress", "sanctions on %s must end", "energy supplies to %s are secure"};

    private final World world;
    private final Tables tables;

    FactTables(World world, Tables tables) {
        this.world = world;
        this.tables = tables;
    }

    void write(Plan plan, LongConsumer flowsWritten) {
        for (int i = 1; i <= plan.agreements(); i++)
            agreement(i);
        for (int i = 1; i <= plan.events(); i++)
            event(i);
        for (int i = 1; i <= plan.statements(); i++)
            statement(i);
        long flows = Math.max(0, (plan.triples() - tables.triples()) / Plan.FLOW);
        for (long i = 1; i <= flows; i++) {
            flow(i);
            if (i % 100_000 == 0)
                flowsWritten.accept(i);
        }
    }

    private void agreement(int number) {
        String kind = world.pick(List.of(AGREEMENT_KINDS));
        World.Commodity subject = null;
        World.Entity first = world.organisation();
        // Two parties, not one party twice: a row per party, and one actor has one role per agreement.
        World.Entity second = world.organisation();
        while (second.id().equals(first.id()))
            second = world.organisation();
        int year = world.between(1995, 2024);
        String id = "agreement-" + number;
        String name = first.name() + " and " + second.name() + " agreement " + number;
        Map<String, String> cells = cells("id", id, "kind", kind, "name", name,
                "status", world.pick(List.of(AGREEMENT_STATUSES)), "date", Integer.toString(year));
        if (!kind.equals("PartnershipDeclaration")) {
            subject = world.commodity();
            cells.put("subjects", subject.id());
        }
        tables.fact("agreements", cells, first.name() + " and " + second.name() + " concluded the " + name + " in " + year
                + (subject == null ? "" : ", on " + subject.label()), Plan.AGREEMENT);
        role(id, name, first, "supplier");
        role(id, name, second, "buyer");
        if (world.random.nextInt(4) == 0) {
            World.Entity guarantor = world.state();
            if (!guarantor.id().equals(first.id()) && !guarantor.id().equals(second.id()))
                role(id, name, guarantor, "guarantor");
        }
    }

    private void role(String agreement, String name, World.Entity actor, String role) {
        tables.fact("agreement-roles", cells("id", agreement + "--" + actor.id(), "agreement", agreement,
                "actor", actor.ref(), "role", role), actor.name() + " is the " + role + " under the " + name, Plan.ROLE);
    }

    private void event(int number) {
        String kind = world.pick(List.of(EVENT_KINDS));
        World.Entity city = world.city();
        int year = world.between(2000, 2024);
        String month = String.format("%d-%02d", year, world.between(1, 12));
        String id = "event-" + number;
        String name = kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " in " + city.name() + ", " + month + " (" + number + ")";
        tables.fact("events", cells("id", id, "kind", kind, "name", name, "date", month, "places", city.ref(), "status", "past"),
                "the " + name + " took place", Plan.EVENT);
        for (int k = 0, n = world.between(2, 4); k < n; k++) {
            World.Entity actor = world.actor();
            tables.fact("participations", cells("id", id + "--" + k, "event", id, "actor", actor.ref(),
                    "role", k == 0 ? "host" : "guest"), actor.name() + " took part in the " + name, Plan.PARTICIPATION);
        }
    }

    private void statement(int number) {
        World.Entity speaker = world.person();
        World.Entity about = world.state();
        String quote = String.format(world.pick(List.of(CLAIMS)), about.name());
        int year = world.between(2000, 2024);
        tables.fact("statements", cells("id", "statement-" + number, "speaker", speaker.ref(), "quote", quote,
                "speech", "reported", "date", Integer.toString(year), "topics", world.pick(List.of(TOPICS)),
                "about", about.ref()), "in " + year + " " + speaker.name() + " said that " + quote + " (" + number + ")",
                Plan.STATEMENT);
    }

    private void flow(long number) {
        World.Entity reporter = world.state();
        World.Entity partner = world.state();
        while (partner == reporter)
            partner = world.state();
        World.Commodity commodity = world.commodity();
        int year = world.between(2000, 2024);
        // Log-normal values: most flows are small, a few are huge, as in real trade statistics.
        long amount = Math.max(1000, Math.round(Math.exp(16 + 2.2 * gaussian())));
        tables.fact("trade-flows", cells("id", "flow-" + number, "measure", "trade-value", "reporter", reporter.id(),
                "partner", partner.id(), "commodity", commodity.id(), "period", Integer.toString(year),
                "amount", Long.toString(amount), "currency", "USD", "status", "reported"),
                reporter.name() + " reported trade in " + commodity.label() + " with " + partner.name() + " worth "
                        + amount + " US dollars in " + year, Plan.FLOW);
    }

    /** A standard normal deviate (Box-Muller), from the world's seeded generator. */
    private double gaussian() {
        double u = 1.0 - world.random.nextDouble();
        double v = world.random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
