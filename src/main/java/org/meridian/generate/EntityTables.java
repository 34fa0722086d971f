package org.meridian.generate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the named entities: states, their cities, organisations, persons, posts and who held
 * them over time. Each post has a chain of holders, each replacing the one before, so that
 * successions and dates-in-order have real work to do.
 */
final class EntityTables {
    private static final String[] ORGANISATION_KINDS = {"Company", "Company", "Company", "Bank", "Ministry",
        "GovernmentBody", "ThinkTank", "NewsMedia", "University"};
    private static final String[] KIND_WORDS = {"Holdings", "Group", "Industries", "Bank", "Ministry of Trade",
        "Agency", "Institute", "Herald", "University"};
    private static final String[] POST_TITLES = {"Chair", "Chief Executive", "Director", "Deputy Director"};

    private final World world;
    private final Tables tables;

    EntityTables(World world, Tables tables) {
        this.world = world;
        this.tables = tables;
    }

    void write(Plan plan) {
        for (int i = 0; i < plan.states(); i++)
            state();
        for (int i = 0; i < plan.states() * 2; i++)
            city();
        for (int i = 0; i < plan.organisations(); i++)
            organisation();
        for (int i = 0; i < plan.persons(); i++)
            person();
        for (World.Entity state : world.states)
            posts(state, "Head of Government of " + state.name());
        for (World.Entity organisation : world.organisations)
            for (int posts = world.between(1, 2), k = 0; k < posts; k++)
                posts(organisation, POST_TITLES[k] + " of " + organisation.name());
    }

    private void state() {
        String name = world.names.word(2, 3) + (world.random.nextBoolean() ? "ia" : "land");
        World.Entity state = entity("organisation", name);
        world.states.add(state);
        tables.fact("organisations", cells("id", state.id(), "name", name, "kind", "State"),
                "the state of " + name + " is mentioned", Plan.STATE);
    }

    private void city() {
        World.Entity country = world.state();
        String name = world.names.word(2, 3);
        World.Entity city = entity("place", name);
        world.cities.add(city);
        tables.fact("places", cells("id", city.id(), "name", name, "kind", "City", "country", country.id()),
                name + ", a city in " + country.name(), Plan.CITY);
    }

    private void organisation() {
        int kind = world.random.nextInt(ORGANISATION_KINDS.length);
        World.Entity country = world.state();
        String name = world.names.word(2, 3) + " " + KIND_WORDS[kind];
        World.Entity organisation = entity("organisation", name);
        world.organisations.add(organisation);
        tables.fact("organisations", cells("id", organisation.id(), "name", name, "kind", ORGANISATION_KINDS[kind],
                "country", country.id()), name + ", based in " + country.name(), Plan.ORGANISATION);
    }

    private void person() {
        String name = world.names.word(1, 2) + " " + world.names.word(2, 3);
        World.Entity person = entity("person", name);
        world.persons.add(person);
        tables.fact("persons", cells("id", person.id(), "name", name), "among those named was " + name, Plan.PERSON);
    }

    /** A post and the chain of its holders, from a year since 2006 to now. */
    private void posts(World.Entity organisation, String title) {
        World.Entity post = entity("post", title);
        tables.fact("posts", cells("id", post.id(), "name", title, "organisation", organisation.ref()),
                title + " is a post at " + organisation.name(), Plan.POST);
        int year = world.between(2006, 2022);
        String previous = null;
        for (int term = 1; year <= 2024; term++) {
            World.Entity holder = world.person();
            int end = year + world.between(3, 8);
            boolean ongoing = end > 2024;
            String id = post.id() + "--" + term;
            Map<String, String> cells = cells("id", id, "person", holder.id(), "post", post.id(),
                    "start", Integer.toString(year), "status", ongoing ? "ongoing" : "past");
            if (!ongoing)
                cells.put("end", Integer.toString(end));
            if (previous != null)
                cells.put("replaces", previous);
            tables.fact("memberships", cells, holder.name() + (ongoing ? " has served as " + title + " since " + year
                    : " served as " + title + " from " + year + " to " + end), Plan.MEMBERSHIP);
            previous = id;
            year = end;
        }
    }

    private World.Entity entity(String kind, String name) {
        String id = world.names.uniqueId(name);
        return new World.Entity(id, kind + "/" + id, name);
    }

    static Map<String, String> cells(String... pairs) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2)
            cells.put(pairs[i], pairs[i + 1]);
        return cells;
    }
}
