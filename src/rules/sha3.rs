//! SHA3-256 (FIPS 202), for the v3 onion address checksum (Tor rend-spec-v3 §6). Small and
//! slow on purpose: it hashes 48-byte inputs only when a certificate names an onion service.

const ROUND_CONSTANTS: [u64; 24] = [
    0x0000_0000_0000_0001,
    0x0000_0000_0000_8082,
    0x8000_0000_0000_808a,
    0x8000_0000_8000_8000,
    0x0000_0000_0000_808b,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8009,
    0x0000_0000_0000_008a,
    0x0000_0000_0000_0088,
    0x0000_0000_8000_8009,
    0x0000_0000_8000_000a,
    0x0000_0000_8000_808b,
    0x8000_0000_0000_008b,
    0x8000_0000_0000_8089,
    0x8000_0000_0000_8003,
    0x8000_0000_0000_8002,
    0x8000_0000_0000_0080,
    0x0000_0000_0000_800a,
    0x8000_0000_8000_000a,
    0x8000_0000_8000_8081,
    0x8000_0000_0000_8080,
    0x0000_0000_8000_0001,
    0x8000_0000_8000_8008,
];

/// Rotation offsets, indexed by lane x + 5y.
const ROTATIONS: [u32; 25] =
    [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];

fn keccak_f(a: &mut [u64; 25]) {
    for rc in ROUND_CONSTANTS {
        // θ
        let mut c = [0u64; 5];
        for (x, cx) in c.iter_mut().enumerate() {
            *cx = (0..5).fold(0, |acc, y| acc ^ a.get(x + 5 * y).copied().unwrap_or(0));
        }
        for x in 0..5 {
            let d = c.get((x + 4) % 5).copied().unwrap_or(0) ^ c.get((x + 1) % 5).copied().unwrap_or(0).rotate_left(1);
            for y in 0..5 {
                if let Some(l) = a.get_mut(x + 5 * y) {
                    *l ^= d;
                }
            }
        }
        // ρ and π
        let mut b = [0u64; 25];
        for x in 0..5 {
            for y in 0..5 {
                let lane = a.get(x + 5 * y).copied().unwrap_or(0);
                let rot = ROTATIONS.get(x + 5 * y).copied().unwrap_or(0);
                if let Some(t) = b.get_mut(y + 5 * ((2 * x + 3 * y) % 5)) {
                    *t = lane.rotate_left(rot);
                }
            }
        }
        // χ
        for y in 0..5 {
            for x in 0..5 {
                let at = |i: usize| b.get(i + 5 * y).copied().unwrap_or(0);
                if let Some(l) = a.get_mut(x + 5 * y) {
                    *l = at(x) ^ (!at((x + 1) % 5) & at((x + 2) % 5));
                }
            }
        }
        // ι
        a[0] ^= rc;
    }
}

const RATE: usize = 136;

fn absorb_block(state: &mut [u64; 25], block: &[u8]) {
    for (lane, chunk) in state.iter_mut().zip(block.chunks(8)) {
        let mut bytes = [0u8; 8];
        for (d, s) in bytes.iter_mut().zip(chunk) {
            *d = *s;
        }
        *lane ^= u64::from_le_bytes(bytes);
    }
    keccak_f(state);
}

/// SHA3-256 of the concatenation of `parts`.
pub(crate) fn sha3_256(parts: &[&[u8]]) -> [u8; 32] {
    let mut state = [0u64; 25];
    let mut block = [0u8; RATE];
    let mut fill = 0usize;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        if let Some(slot) = block.get_mut(fill) {
            *slot = b;
        }
        fill += 1;
        if fill == RATE {
            absorb_block(&mut state, &block);
            block = [0u8; RATE];
            fill = 0;
        }
    }
    if let Some(slot) = block.get_mut(fill) {
        *slot ^= 0x06;
    }
    if let Some(last) = block.last_mut() {
        *last ^= 0x80;
    }
    absorb_block(&mut state, &block);
    let mut out = [0u8; 32];
    for (chunk, lane) in out.chunks_mut(8).zip(state.iter()) {
        chunk.copy_from_slice(&lane.to_le_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: &[u8]) -> alloc::string::String {
        b.iter().map(|x| alloc::format!("{x:02x}")).collect()
    }

    /// NIST FIPS 202 example values (SHA3-256 of "", "abc", the 448-bit and 896-bit
    /// messages, and 200 × 0xa3 which spans two blocks).
    #[test]
    fn nist_vectors() {
        assert_eq!(hex(&sha3_256(&[b""])), "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
        assert_eq!(hex(&sha3_256(&[b"abc"])), "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
        assert_eq!(
            hex(&sha3_256(&[b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"])),
            "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376"
        );
        assert_eq!(
            hex(&sha3_256(&[b"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"])),
            "916f6061fe879741ca6469b43971dfdb28b1a32dc36cb3254e812be27aad1d18"
        );
        assert_eq!(hex(&sha3_256(&[&[0xa3; 200]])), "79f38adec5c20307a98ef76e8324afbfd46cfd81b22e3973c65fa1bd9de31787");
        assert_eq!(sha3_256(&[b"ab", b"c"]), sha3_256(&[b"abc"]));
    }
}
