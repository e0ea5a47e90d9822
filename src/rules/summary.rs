//! Outcomes read off a per-certificate summary (the `Facts` memos of `cert::memo`): a
//! family of rules shares one walk that sets, per rule, a bit saying it has something to
//! look at and a bit saying it may fail. A rule whose failure bit is clear is settled at
//! once; one whose bit is set runs its own check to word the failure.

use crate::rule::Outcome;

/// Pass when `facts` has one of the `present` bits, else not applicable: the outcome of a
/// rule whose failure bit is clear.
pub(crate) fn clear(facts: u32, present: u32) -> Outcome {
    if facts & present != 0 {
        Outcome::Pass
    } else {
        Outcome::NotApplicable
    }
}

/// `bit` when `bad`, else 0: how a summary's walk sets a rule's failure bit.
pub(crate) fn flag(bad: bool, bit: u32) -> u32 {
    if bad {
        bit
    } else {
        0
    }
}

/// The outcome `facts` settles for a rule that looks at `seen` and fails on `bad`; `None`
/// when `bad` is set and the rule must run to say why.
pub(crate) fn settled(facts: u32, seen: u32, bad: u32) -> Option<Outcome> {
    (facts & bad == 0).then(|| clear(facts, seen))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settles_all_but_failures() {
        assert_eq!(settled(0b01, 0b01, 0b10), Some(Outcome::Pass));
        assert_eq!(settled(0b00, 0b01, 0b10), Some(Outcome::NotApplicable));
        assert_eq!(settled(0b11, 0b01, 0b10), None);
        assert_eq!(settled(0b10, 0b01, 0b10), None);
        assert_eq!(clear(0b100, 0b110), Outcome::Pass);
        assert_eq!(clear(0b001, 0b110), Outcome::NotApplicable);
        assert_eq!((flag(true, 0b100), flag(false, 0b100)), (0b100, 0));
    }
}
