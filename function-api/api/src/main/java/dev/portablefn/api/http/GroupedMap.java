package dev.portablefn.api.http;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The map {@link MultiValues#asMap()} gives: unmodifiable, in arrival order, over one array of names and value
 * lists. Header and query maps are small, so a scan finds a name as fast as hashing would.
 */
final class GroupedMap extends AbstractMap<String, List<String>> {
    private final Object[] grouped;
    private final int names;

    GroupedMap(Object[] grouped, int names) {
        this.grouped = grouped;
        this.names = names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> get(Object key) {
        for (int i = 0; i < names; i++) {
            if (grouped[2 * i].equals(key)) {
                return (List<String>) grouped[2 * i + 1];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return names;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void forEach(BiConsumer<? super String, ? super List<String>> action) {
        for (int i = 0; i < names; i++) {
            action.accept((String) grouped[2 * i], (List<String>) grouped[2 * i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, List<String>>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, List<String>>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < names;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<String, List<String>> next() {
                        if (next >= names) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>((String) grouped[2 * i], (List<String>) grouped[2 * i + 1]);
                    }
                };
            }

            @Override
            public int size() {
                return names;
            }
        };
    }
}
