//! A once-computed summary cached inside a [`Certificate`](super::Certificate): a `u32`
//! written at most once per value, readable from any thread (the certificate stays
//! `Send + Sync` and needs no lock). Two threads racing to fill it compute the same value,
//! so either write is right.

use core::sync::atomic::{AtomicU32, Ordering};

/// A lazily computed `u32` summary. Bit 31 marks it computed.
#[derive(Default)]
pub(crate) struct Memo(AtomicU32);

const SET: u32 = 1 << 31;

impl Memo {
    /// The cached value, or `compute()` (whose bit 31 is ignored) stored and returned.
    pub(crate) fn get_or(&self, compute: impl FnOnce() -> u32) -> u32 {
        let v = self.0.load(Ordering::Relaxed);
        if v & SET != 0 {
            return v & !SET;
        }
        let v = compute() & !SET;
        self.0.store(v | SET, Ordering::Relaxed);
        v
    }
}

impl Clone for Memo {
    fn clone(&self) -> Self {
        Self(AtomicU32::new(self.0.load(Ordering::Relaxed)))
    }
}

/// A set of flags, each raised at most once and never lowered.
#[derive(Default)]
pub(crate) struct Flags(AtomicU32);

impl Flags {
    /// Whether flag `i` (< 32) is raised.
    pub(crate) fn has(&self, i: usize) -> bool {
        i < 32 && self.0.load(Ordering::Relaxed) & (1 << i) != 0
    }

    /// Raises flag `i`; flags from 32 up are not kept.
    pub(crate) fn raise(&self, i: usize) {
        if i < 32 {
            self.0.fetch_or(1 << i, Ordering::Relaxed);
        }
    }
}

impl Clone for Flags {
    fn clone(&self) -> Self {
        Self(AtomicU32::new(self.0.load(Ordering::Relaxed)))
    }
}

/// The once-computed summaries a certificate carries, one per family of rules that share
/// a parse (each documented where it is computed).
#[derive(Default, Clone)]
pub(crate) struct Facts {
    /// The URIs of SAN, IAN, AIA, SIA and the CRL distribution points
    /// (`rules::rfc5280::san::uri_facts`).
    pub(crate) uris: Memo,
    /// What the attribute-walking name rules would find (`rules::rfc5280::name::name_facts`).
    pub(crate) names: Memo,
    /// The detected certificate type, as its discriminant (`cert_type::detect`).
    pub(crate) cert_type: Memo,
    /// Which tests the SAN dNSNames and DNS-like CNs fail
    /// (`rules::cabf_br::domain_names::dns_facts`).
    pub(crate) dns_names: Memo,
    /// Which of the first 32 extensions their typed accessor has already decoded without
    /// error (`Certificate::view`): later calls skip the validation.
    pub(crate) valid_exts: Flags,
    /// Which validity-time format rules apply and which fail
    /// (`rules::rfc5280::encoding::time_facts`).
    pub(crate) times: Memo,
    /// Which name rules may fail, one bit per rule family
    /// (`rules::rfc5280::name::name_checks`).
    pub(crate) name_checks: Memo,
    /// Which SAN/IAN entry tests the alternative names fail
    /// (`rules::rfc5280::san::alt_facts`).
    pub(crate) alt_names: Memo,
    /// What the certificatePolicies rules would find
    /// (`rules::rfc5280::policies::policy_facts`).
    pub(crate) policies: Memo,
    /// The key kind and the keyUsage bits (`rules::rfc5280::spki::key_facts`).
    pub(crate) key: Memo,
    /// What the DistributionPoint rules would find (`rules::rfc5280::crl_dp::dp_facts`).
    pub(crate) crl_dps: Memo,
    /// What the AIA/SIA access-description rules would find
    /// (`rules::rfc5280::aia::access_facts`).
    pub(crate) access: Memo,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once() {
        let m = Memo::default();
        let mut calls = 0;
        assert_eq!(
            m.get_or(|| {
                calls += 1;
                0x8000_0005
            }),
            5
        );
        assert_eq!(
            m.get_or(|| {
                calls += 1;
                9
            }),
            5
        );
        assert_eq!(m.clone().get_or(|| 9), 5);
        assert_eq!(calls, 1);
        assert_eq!(Memo::default().get_or(|| 0), 0);
    }

    #[test]
    fn flags_stay_raised() {
        let f = Flags::default();
        assert!(!f.has(3));
        f.raise(3);
        f.raise(31);
        f.raise(40);
        assert!(f.has(3) && f.has(31) && !f.has(4) && !f.has(40));
        assert!(f.clone().has(3));
    }
}
