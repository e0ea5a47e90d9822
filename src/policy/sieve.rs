//! The engine's gates, bit-sliced: for a certificate, which of a policy's rules its type,
//! notBefore and contents leave to be called, 64 rules to a word.
//!
//! A rule's scope and dates are fixed when the policy is built, so the policy keeps, per
//! block of 64 rules, a word of the rules in scope for each certificate type and a word
//! of the rules in effect for each stretch of time between two rule dates. A lint then
//! settles the scope and dates of 64 rules with two loads and an AND; only the rules both
//! leave open have their need tested, one by one.

use alloc::vec::Vec;

use crate::cert::{needs, Certificate, NeedBits};
use crate::cert_type::CertType;
use crate::rule::{Need, RuleMeta};
use crate::time::Time;

/// Rules per block: the bits of a word.
pub(super) const BLOCK: usize = 64;

/// Certificate types: the bits of a [`Scope`](crate::cert_type::Scope).
const TYPES: usize = CertType::ALL.len();

/// The gates of a policy's rules, in the policy's order.
#[derive(Clone, Default)]
pub(super) struct Sieve {
    /// Per block, per certificate type (by discriminant): the rules whose scope holds it.
    scope: Vec<[u64; TYPES]>,
    /// The rules' effective and ineffective dates (Unix seconds), ascending and distinct.
    /// They cut time into `dates.len() + 1` stretches over which no rule comes into or
    /// goes out of effect.
    dates: Vec<i64>,
    /// Per block, per stretch (`block * (dates.len() + 1) + stretch`): the rules in effect
    /// for a notBefore in that stretch.
    effective: Vec<u64>,
    /// Each rule's need.
    wants: Vec<Want>,
    /// The needs whose bits do not fit one word (see [`Want::slow`]).
    needs: Vec<NeedBits>,
    /// The needs without bits (see [`Want::slow`]).
    others: Vec<Need>,
}

/// What the sieve leaves of one block of rules, for one certificate: bit `j` stands for
/// the block's rule `j`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Block {
    /// The rules to call.
    pub(super) call: u64,
    /// The rules in scope but not in effect for the certificate's notBefore (the others
    /// not called are not applicable).
    pub(super) not_effective: u64,
}

/// What a lint's sieve reads of the certificate, found once per lint.
#[derive(Clone, Copy)]
pub(super) struct Key<'c> {
    cert: &'c Certificate,
    /// The certificate type's bit number.
    cert_type: usize,
    /// The stretch of time its notBefore falls in; `None` when notBefore cannot be read,
    /// and every rule is then held in effect (the rule about the broken validity reports
    /// it, and guessing "too old to matter" would hide defects).
    stretch: Option<usize>,
}

impl Key<'_> {
    /// The certificate.
    pub(super) fn cert(&self) -> &Certificate {
        self.cert
    }
}

impl Sieve {
    /// The gates of `rules`, in order.
    pub(super) fn new<'a>(rules: impl ExactSizeIterator<Item = &'a RuleMeta> + Clone) -> Self {
        let blocks = rules.len().div_ceil(BLOCK);
        let (mut needs, mut others) = (Vec::new(), Vec::new());
        let wants = rules.clone().map(|m| Want::of(m.need(), &mut needs, &mut others)).collect();
        let mut dates: Vec<i64> = rules.clone().flat_map(|m| [from(m), until(m)]).flatten().collect();
        dates.sort_unstable();
        dates.dedup();
        let stretches = dates.len() + 1;
        let mut scope = alloc::vec![[0u64; TYPES]; blocks];
        let mut effective = alloc::vec![0u64; blocks * stretches];
        for (i, meta) in rules.enumerate() {
            let (block, bit) = (i / BLOCK, 1u64 << (i % BLOCK));
            if let Some(words) = scope.get_mut(block) {
                for (t, word) in CertType::ALL.iter().zip(words.iter_mut()) {
                    if meta.applies_to().contains(*t) {
                        *word |= bit;
                    }
                }
            }
            let (from, until) = (from(meta), until(meta));
            for s in 0..stretches {
                // The stretch is [dates[s - 1], dates[s]); a rule's dates are among
                // `dates`, so comparing them with the stretch's ends decides for all of it.
                let started = from.map_or(true, |f| s > 0 && dates.get(s - 1).is_some_and(|&d| f <= d));
                let ended = until.is_some_and(|u| dates.get(s).map_or(true, |&d| u < d));
                if started && !ended {
                    if let Some(word) = effective.get_mut(block * stretches + s) {
                        *word |= bit;
                    }
                }
            }
        }
        Self { scope, dates, effective, wants, needs, others }
    }

    /// What every block's sieve reads of `cert`.
    pub(super) fn key<'c>(&self, cert: &'c Certificate, cert_type: CertType, not_before: Option<Time>) -> Key<'c> {
        let stretch = not_before.map(|nb| {
            let nb = nb.unix();
            self.dates.partition_point(|&d| d <= nb)
        });
        Key { cert, cert_type: cert_type as usize, stretch }
    }

    /// The rules of block `block` to call on the certificate of `key`, and those not in
    /// effect for it.
    #[inline]
    pub(super) fn block(&self, block: usize, key: &Key<'_>) -> Block {
        let scope = self.scope.get(block).and_then(|w| w.get(key.cert_type)).copied().unwrap_or(0);
        let effective = match key.stretch {
            Some(s) => self.effective.get(block * (self.dates.len() + 1) + s).copied().unwrap_or(0),
            None => u64::MAX,
        };
        let wants = self.wants.get(block * BLOCK..).unwrap_or_default();
        let presence = key.cert.presence();
        let (mut open, mut call) = (scope & effective, 0);
        while open != 0 {
            let j = open.trailing_zeros();
            open &= open - 1;
            if wants.get(j as usize).is_some_and(|w| !w.lacking(presence, self, key.cert)) {
                call |= 1 << j;
            }
        }
        Block { call, not_effective: scope & !effective }
    }
}

fn from(meta: &RuleMeta) -> Option<i64> {
    meta.effective_date().map(Time::unix)
}

fn until(meta: &RuleMeta) -> Option<i64> {
    meta.ineffective_date().map(Time::unix)
}

/// A rule's [`Need`], as the sieve tests it. Most needs are one word of the
/// certificate's presence bits and a mask, tested the same way whatever they ask for (no
/// branch on the kind of need); the others take a slower path.
#[derive(Clone, Copy)]
struct Want {
    /// The word of the presence, or [`BITS`] or [`OTHER`].
    word: u8,
    /// With [`BITS`], the index of the need's bits in [`Sieve::needs`]; with [`OTHER`],
    /// that of the need in [`Sieve::others`].
    slow: u16,
    mask: u32,
}

/// See [`Want::word`]: a need whose bits span words.
const BITS: u8 = u8::MAX;
/// See [`Want::word`]: a need without bits, compared by identifier.
const OTHER: u8 = u8::MAX - 1;

impl Want {
    /// The want of `need`, adding it to `table` or `others` when it does not fit one word.
    /// A need that finds no room there (past 65,536 distinct ones) is not tested: its rule
    /// is called, and answers for itself.
    fn of(need: Need, table: &mut Vec<NeedBits>, others: &mut Vec<Need>) -> Self {
        fn index<T: PartialEq>(list: &mut Vec<T>, item: T) -> Option<u16> {
            match list.iter().position(|b| *b == item) {
                Some(at) => u16::try_from(at).ok(),
                None => {
                    let at = u16::try_from(list.len()).ok()?;
                    list.push(item);
                    Some(at)
                }
            }
        }
        const ALWAYS: Want = Want { word: needs::ALWAYS, slow: 0, mask: 1 };
        let slow = |word, at: Option<u16>| at.map_or(ALWAYS, |slow| Want { word, slow, mask: 0 });
        match NeedBits::of(need) {
            None if matches!(need, Need::Nothing) => ALWAYS,
            None => slow(OTHER, index(others, need)),
            Some(bits) => match bits.word() {
                Some((word, mask)) => Self { word, slow: 0, mask },
                None => slow(BITS, index(table, bits)),
            },
        }
    }

    /// Whether the certificate with `presence` lacks the need.
    #[inline]
    fn lacking(&self, presence: &[u32; needs::WORDS], sieve: &Sieve, cert: &Certificate) -> bool {
        match presence.get(usize::from(self.word)) {
            Some(word) => word & self.mask == 0,
            None if self.word == OTHER => {
                sieve.others.get(usize::from(self.slow)).is_some_and(|n| cert.lacks_by_identifier(*n))
            }
            None => sieve.needs.get(usize::from(self.slow)).is_some_and(|b| cert.lacks_bits(b)),
        }
    }
}

/// Whether a rule is in force for a certificate: in scope and in effect, its need aside.
/// The reference for [`Sieve::block`], which tests compare it with.
#[cfg(test)]
pub(crate) fn in_force(meta: &RuleMeta, cert_type: CertType, not_before: Option<Time>) -> bool {
    let scope = meta.applies_to();
    let effective = not_before.map_or(true, |nb| {
        let nb = nb.unix();
        from(meta).map_or(true, |f| f <= nb) && until(meta).map_or(true, |u| nb < u)
    });
    scope.contains(cert_type) && effective
}

#[cfg(all(test, feature = "std"))]
mod tests {
    use super::*;
    use crate::testutil::needs::{corpus, with_variants};
    use crate::testutil::CertBuilder;
    use alloc::vec;

    /// Block `block` of the rules `metas` for a certificate that lacks the needs marked in
    /// `lacks`, rule by rule from their own scope, dates and need.
    fn reference(metas: &[&RuleMeta], lacks: &[bool], block: usize, t: CertType, nb: Option<Time>) -> Block {
        let mut want = Block { call: 0, not_effective: 0 };
        for (j, (meta, &lacking)) in metas.iter().zip(lacks).skip(block * BLOCK).take(BLOCK).enumerate() {
            if in_force(meta, t, nb) && !lacking {
                want.call |= 1 << j;
            } else if meta.applies_to().contains(t) && !in_force(meta, t, nb) {
                want.not_effective |= 1 << j;
            }
        }
        want
    }

    /// Every block of `sieve` against [`reference`], for `cert` as every type at `times`.
    fn assert_agrees(sieve: &Sieve, metas: &[&RuleMeta], cert: &Certificate, times: &[Option<Time>]) {
        let lacks: Vec<bool> = metas.iter().map(|m| cert.lacks(m.need())).collect();
        for &t in &CertType::ALL {
            for &nb in times {
                let key = sieve.key(cert, t, nb);
                for block in 0..metas.len().div_ceil(BLOCK) {
                    assert_eq!(sieve.block(block, &key), reference(metas, &lacks, block, t, nb), "{t:?} at {nb:?}");
                }
            }
        }
    }

    fn registry() -> Vec<&'static RuleMeta> {
        crate::rules::all().map(|r| r.meta()).collect()
    }

    #[test]
    fn blocks_agree_with_each_rules_gate_on_the_corpus() {
        let metas = registry();
        let sieve = Sieve::new(metas.iter().copied());
        for (_, der) in corpus() {
            for cert in with_variants(&der) {
                assert_agrees(&sieve, &metas, &cert, &[cert.not_before(), None]);
            }
        }
    }

    #[test]
    fn blocks_agree_with_each_rules_gate_on_both_sides_of_every_date() {
        let metas = registry();
        let sieve = Sieve::new(metas.iter().copied());
        assert!(sieve.dates.len() > 10, "the registry's rules name dates");
        let mut times = vec![None, Some(Time::from_unix(i64::MIN)), Some(Time::from_unix(i64::MAX - 1))];
        for &d in &sieve.dates {
            times.extend([d - 1, d, d + 1].map(|s| Some(Time::from_unix(s))));
        }
        for cert in [CertBuilder::leaf().build(), CertBuilder::sub_ca().build(), CertBuilder::root().build()] {
            assert_agrees(&sieve, &metas, &cert, &times);
        }
    }

    #[test]
    fn a_policy_of_any_size_and_order_sieves_the_same() {
        let mut metas = registry();
        metas.reverse();
        for len in [0, 1, 63, 64, 65, 130] {
            let metas = metas.get(..len).unwrap();
            let sieve = Sieve::new(metas.iter().copied());
            let cert = CertBuilder::leaf().build();
            assert_agrees(&sieve, metas, &cert, &[cert.not_before(), None]);
        }
    }
}
