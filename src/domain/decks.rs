//! Deck names (README.md, "Decks"): `Parent::Child` names make a tree, and a
//! name given by the user matches whatever the case of its letters.

/// What separates a parent deck's name from its subdeck's, as in Anki.
pub const SEPARATOR: &str = "::";

/// Whether two deck names are the same but for the case of their letters.
pub fn same_name(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// Whether deck `name` is `root` or one of its subdecks (`root::…`), the
/// case of letters aside.
pub fn in_tree(name: &str, root: &str) -> bool {
    if same_name(name, root) {
        return true;
    }
    let (name, root) = (name.to_lowercase(), root.to_lowercase());
    name.strip_prefix(&root)
        .is_some_and(|rest| rest.starts_with(SEPARATOR))
}

/// The name deck `name` (in the tree of `old_root`) takes when that tree
/// is renamed to `new_root`: `Old::Child` becomes `New::Child`.
pub fn renamed(name: &str, old_root: &str, new_root: &str) -> String {
    let depth = old_root.split(SEPARATOR).count();
    let mut parts = vec![new_root];
    parts.extend(name.split(SEPARATOR).skip(depth));
    parts.join(SEPARATOR)
}

/// Every parent of deck `name`, outermost first: `A::B::C` gives `A`, `A::B`.
pub fn parents(name: &str) -> Vec<&str> {
    name.match_indices(SEPARATOR)
        .map(|(i, _)| &name[..i])
        .filter(|p| !p.is_empty())
        .collect()
}

/// Why `name` cannot name a deck, if it cannot: empty, or with an empty
/// part between `::` separators.
pub fn check_name(name: &str) -> Result<(), &'static str> {
    if name.trim().is_empty() {
        return Err("a deck name cannot be empty");
    }
    if name.split(SEPARATOR).any(|part| part.trim().is_empty()) {
        return Err("a deck name cannot have an empty part around `::`");
    }
    if name.chars().any(char::is_control) {
        return Err("a deck name cannot hold control characters");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_whatever_the_case() {
        assert!(same_name("Négociation", "nÉgociation"));
        assert!(!same_name("Offer", "Offers"));
    }

    #[test]
    fn a_tree_is_the_deck_and_its_subdecks() {
        assert!(in_tree("Jobs", "jobs"));
        assert!(in_tree("Jobs::Offers", "jobs"));
        assert!(in_tree("Jobs::Offers::Equity", "JOBS::offers"));
        assert!(!in_tree("Jobsearch", "Jobs"));
        assert!(!in_tree("Jobs", "Jobs::Offers"));
    }

    #[test]
    fn renaming_a_tree_keeps_the_subdeck_names() {
        assert_eq!(renamed("Jobs", "jobs", "Work"), "Work");
        assert_eq!(renamed("Jobs::Offers", "jobs", "Work"), "Work::Offers");
        assert_eq!(renamed("A::B::C", "a::b", "X"), "X::C");
        assert_eq!(renamed("A::B", "A", "A::B"), "A::B::B");
    }

    #[test]
    fn parents_outermost_first() {
        assert_eq!(parents("A::B::C"), ["A", "A::B"]);
        assert!(parents("A").is_empty());
    }

    #[test]
    fn bad_names_are_refused() {
        assert!(check_name("Offers").is_ok());
        assert!(check_name("Jobs::Offers").is_ok());
        assert!(check_name("").is_err());
        assert!(check_name("  ").is_err());
        assert!(check_name("Jobs::").is_err());
        assert!(check_name("::Jobs").is_err());
        assert!(check_name("a\u{7}b").is_err());
    }
}
