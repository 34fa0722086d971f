package org.meridian.generate;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the generated tables refer to: the ids and names of states, cities, organisations, persons
 * and commodities, with Zipf-skewed picks so that a few of each are involved in most facts.
 */
final class World {
    /** An entity: its id (a slug), its reference kind/id, and its name. */
    record Entity(String id, String ref, String name) {}

    /** A commodity of the commodity scheme: its slug and its label. */
    record Commodity(String id, String label) {}

    final SplittableRandom random;
    final Names names;
    final List<Entity> states = new ArrayList<>();
    final List<Entity> cities = new ArrayList<>();
    final List<Entity> organisations = new ArrayList<>();
    final List<Entity> persons = new ArrayList<>();
    final List<Commodity> commodities = new ArrayList<>();
    /** One Zipf per list, by identity (a list's own hash would walk it); made again when the list grows. */
    private final Map<List<?>, Zipf> zipfs = new IdentityHashMap<>();

    World(long seed) {
        this.random = new SplittableRandom(seed);
        this.names = new Names(random);
    }

    Entity state() {
        return skewed(states);
    }

    Entity city() {
        return skewed(cities);
    }

    Entity organisation() {
        return skewed(organisations);
    }

    Entity person() {
        return skewed(persons);
    }

    Commodity commodity() {
        return skewed(commodities);
    }

    /** Any actor: a person or an organisation. */
    Entity actor() {
        return random.nextInt(3) == 0 ? person() : organisation();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** A Zipf-skewed pick of {@code items}; each pick draws one number, so a seed gives the same picks. */
    private <T> T skewed(List<T> items) {
        Zipf zipf = zipfs.get(items);
        if (zipf == null || zipf.size() != items.size())
            zipfs.put(items, zipf = new Zipf(items.size(), 1.0));
        return items.get(zipf.next(random));
    }
}
