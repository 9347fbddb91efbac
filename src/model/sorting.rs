//! One stable sort for the whole app. `slice::sort_by` is compiled anew for every element type and every
//! comparison closure, several KB of wasm each; sorting in some fifty places made it the largest generic
//! code in the release build (228 KB of 4.9 MB before wasm-opt). These sort positions with one comparison
//! behind `dyn`, so the algorithm is in the app once, then move the items into place. Stable: equal items
//! keep their order, as with `sort_by`.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

pub trait StableSort<T> {
    fn stable_sort_by(&mut self, cmp: impl FnMut(&T, &T) -> Ordering);

    fn stable_sort_by_key<K: Ord>(&mut self, mut key: impl FnMut(&T) -> K) {
        self.stable_sort_by(|a, b| key(a).cmp(&key(b)));
    }

    /// Each item's key computed once: for keys that cost (Danish sort keys).
    fn stable_sort_by_cached_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K);

    fn stable_sort(&mut self)
    where
        T: Ord,
    {
        self.stable_sort_by(T::cmp);
    }
}

impl<T> StableSort<T> for [T] {
    fn stable_sort_by(&mut self, mut cmp: impl FnMut(&T, &T) -> Ordering) {
        let order = sorted_positions(self.len(), &mut |a, b| cmp(&self[a], &self[b]));
        move_into_place(self, order);
    }

    fn stable_sort_by_cached_key<K: Ord>(&mut self, key: impl FnMut(&T) -> K) {
        let keys: Vec<K> = self.iter().map(key).collect();
        let order = sorted_positions(self.len(), &mut |a, b| keys[a].cmp(&keys[b]));
        move_into_place(self, order);
    }
}

/// `collect()` into a `BTreeMap` or `BTreeSet` sorts the items first (one more sort compiled per type);
/// inserting them one by one needs none. The last value for a key wins, as with `collect()`.
pub trait CollectByInsert: Iterator + Sized {
    fn collect_map<K: Ord, V>(self) -> BTreeMap<K, V>
    where
        Self: Iterator<Item = (K, V)>,
    {
        let mut map = BTreeMap::new();
        map.extend(self);
        map
    }

    fn collect_set<T: Ord>(self) -> BTreeSet<T>
    where
        Self: Iterator<Item = T>,
    {
        let mut set = BTreeSet::new();
        set.extend(self);
        set
    }
}

impl<I: Iterator> CollectByInsert for I {}

/// Positions `0..len` in sorted order. Not generic: the only instance of the standard sort in the app.
fn sorted_positions(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| cmp(a, b));
    positions
}

/// Rearranges `items` so that item `i` is the one that was at `order[i]`, following each cycle of the
/// permutation with swaps.
fn move_into_place<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut here = start;
        while order[here] != DONE {
            let from = order[here];
            order[here] = DONE;
            if from == start {
                break;
            }
            items.swap(here, from);
            here = from;
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::StableSort;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, equal keys in their old order included.
        #[test]
        fn sorts_as_the_standard_stable_sort(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|(k, _)| *k);
            let mut by_key = items.clone();
            by_key.stable_sort_by_key(|(k, _)| *k);
            prop_assert_eq!(&by_key, &expected);
            let mut cached = items.clone();
            cached.stable_sort_by_cached_key(|(k, _)| *k);
            prop_assert_eq!(&cached, &expected);
            let mut whole = items.clone();
            whole.stable_sort();
            let mut std_whole = items;
            std_whole.sort();
            prop_assert_eq!(whole, std_whole);
        }
    }

    #[test]
    fn collecting_by_insert_keeps_the_last_value_for_a_key_as_collect_does() {
        use super::CollectByInsert;
        let pairs = [(2, "b"), (1, "a"), (2, "c")];
        let by_insert = pairs.iter().copied().collect_map();
        let collected: std::collections::BTreeMap<_, _> = pairs.iter().copied().collect();
        assert_eq!(by_insert, collected);
        assert_eq!(by_insert[&2], "c");
        assert_eq!(pairs.iter().map(|p| p.0).collect_set().len(), 2);
    }

    #[test]
    fn reverse_order_and_owned_items_move_whole() {
        let mut words: Vec<String> = ["c", "a", "d", "b"].map(String::from).to_vec();
        words.stable_sort_by(|a, b| b.cmp(a));
        assert_eq!(words, ["d", "c", "b", "a"]);
        let mut none: Vec<String> = Vec::new();
        none.stable_sort();
        assert!(none.is_empty());
    }
}
