package org.meridian.generate;

import java.util.ArrayList;
import java.util.List;
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
    private Zipf stateZipf, cityZipf, organisationZipf, personZipf, commodityZipf;

    World(long seed) {
        this.random = new SplittableRandom(seed);
        this.names = new Names(random);
    }

    Entity state() {
        stateZipf = ready(stateZipf, states.size());
        return states.get(stateZipf.next(random));
    }

    Entity city() {
        cityZipf = ready(cityZipf, cities.size());
        return cities.get(cityZipf.next(random));
    }

    Entity organisation() {
        organisationZipf = ready(organisationZipf, organisations.size());
        return organisations.get(organisationZipf.next(random));
    }

    Entity person() {
        personZipf = ready(personZipf, persons.size());
        return persons.get(personZipf.next(random));
    }

    Commodity commodity() {
        commodityZipf = ready(commodityZipf, commodities.size());
        return commodities.get(commodityZipf.next(random));
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

    private static Zipf ready(Zipf zipf, int size) {
        return zipf != null && zipf.size() == size ? zipf : new Zipf(size, 1.0);
    }
}
