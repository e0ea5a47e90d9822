//! SHA-1 and SHA-2 (FIPS 180-4), just enough to recompute key identifiers (RFC 5280
//! §4.2.1.2, RFC 7093). SHA-1 (method 1, hashed for nearly every certificate) comes from
//! the `sha1` crate; the SHA-2 hashes only run when SHA-1 does not match, over a few
//! hundred bytes that are never secret, so a plain portable implementation is enough.

/// Processes `data` with FIPS 180 padding: `block` is called on each 64- or 128-byte block.
fn pad_and_run<const B: usize, const L: usize>(data: &[u8], mut block: impl FnMut(&[u8; B])) {
    let mut chunks = data.chunks_exact(B);
    for c in &mut chunks {
        if let Ok(b) = <&[u8; B]>::try_from(c) {
            block(b);
        }
    }
    let rest = chunks.remainder();
    let mut tail = [0u8; 256];
    let n = rest.len();
    for (t, r) in tail.iter_mut().zip(rest) {
        *t = *r;
    }
    if let Some(t) = tail.get_mut(n) {
        *t = 0x80;
    }
    // Length field of L bytes (8 for SHA-256, 16 for SHA-512); bits as u128.
    let total = if n + 1 + L > B { 2 * B } else { B };
    let bits = (data.len() as u128).wrapping_mul(8).to_be_bytes();
    let len_bytes = bits.get(16 - L..).unwrap_or_default();
    if let Some(dst) = tail.get_mut(total - L..total) {
        dst.copy_from_slice(len_bytes);
    }
    for c in tail.get(..total).unwrap_or_default().chunks_exact(B) {
        if let Ok(b) = <&[u8; B]>::try_from(c) {
            block(b);
        }
    }
}

fn at<T: Copy + Default, const N: usize>(a: &[T; N], i: usize) -> T {
    a.get(i).copied().unwrap_or_default()
}

fn set<T, const N: usize>(a: &mut [T; N], i: usize, v: T) {
    if let Some(x) = a.get_mut(i) {
        *x = v;
    }
}

/// SHA-1, from the `sha1` crate: every certificate with a subjectKeyIdentifier hashes its
/// key, and the crate runs on SHA-NI where the CPU has it (about twice as fast, and a
/// tenth of the instructions, of the best portable code, which it falls back to).
pub(crate) fn sha1(data: &[u8]) -> [u8; 20] {
    use sha1::Digest;
    sha1::Sha1::digest(data).into()
}

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
];

/// SHA-256.
pub(crate) fn sha256(data: &[u8]) -> [u8; 32] {
    let mut h: [u32; 8] =
        [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    pad_and_run::<64, 8>(data, |block| {
        let mut w = [0u32; 64];
        for (i, c) in block.chunks_exact(4).enumerate() {
            if let (Some(wi), Ok(b)) = (w.get_mut(i), <[u8; 4]>::try_from(c)) {
                *wi = u32::from_be_bytes(b);
            }
        }
        for i in 16..64 {
            let (a, b) = (at(&w, i - 15), at(&w, i - 2));
            let s0 = a.rotate_right(7) ^ a.rotate_right(18) ^ (a >> 3);
            let s1 = b.rotate_right(17) ^ b.rotate_right(19) ^ (b >> 10);
            let v = at(&w, i - 16).wrapping_add(s0).wrapping_add(at(&w, i - 7)).wrapping_add(s1);
            set(&mut w, i, v);
        }
        let mut v = h;
        for (k, wi) in K256.iter().zip(w) {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(*k).wrapping_add(wi);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    });
    let mut out = [0u8; 32];
    for (o, v) in out.chunks_exact_mut(4).zip(h) {
        o.copy_from_slice(&v.to_be_bytes());
    }
    out
}

const K512: [u64; 80] = [
    0x428a2f98d728ae22,
    0x7137449123ef65cd,
    0xb5c0fbcfec4d3b2f,
    0xe9b5dba58189dbbc,
    0x3956c25bf348b538,
    0x59f111f1b605d019,
    0x923f82a4af194f9b,
    0xab1c5ed5da6d8118,
    0xd807aa98a3030242,
    0x12835b0145706fbe,
    0x243185be4ee4b28c,
    0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f,
    0x80deb1fe3b1696b1,
    0x9bdc06a725c71235,
    0xc19bf174cf692694,
    0xe49b69c19ef14ad2,
    0xefbe4786384f25e3,
    0x0fc19dc68b8cd5b5,
    0x240ca1cc77ac9c65,
    0x2de92c6f592b0275,
    0x4a7484aa6ea6e483,
    0x5cb0a9dcbd41fbd4,
    0x76f988da831153b5,
    0x983e5152ee66dfab,
    0xa831c66d2db43210,
    0xb00327c898fb213f,
    0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2,
    0xd5a79147930aa725,
    0x06ca6351e003826f,
    0x142929670a0e6e70,
    0x27b70a8546d22ffc,
    0x2e1b21385c26c926,
    0x4d2c6dfc5ac42aed,
    0x53380d139d95b3df,
    0x650a73548baf63de,
    0x766a0abb3c77b2a8,
    0x81c2c92e47edaee6,
    0x92722c851482353b,
    0xa2bfe8a14cf10364,
    0xa81a664bbc423001,
    0xc24b8b70d0f89791,
    0xc76c51a30654be30,
    0xd192e819d6ef5218,
    0xd69906245565a910,
    0xf40e35855771202a,
    0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8,
    0x1e376c085141ab53,
    0x2748774cdf8eeb99,
    0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63,
    0x4ed8aa4ae3418acb,
    0x5b9cca4f7763e373,
    0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc,
    0x78a5636f43172f60,
    0x84c87814a1f0ab72,
    0x8cc702081a6439ec,
    0x90befffa23631e28,
    0xa4506cebde82bde9,
    0xbef9a3f7b2c67915,
    0xc67178f2e372532b,
    0xca273eceea26619c,
    0xd186b8c721c0c207,
    0xeada7dd6cde0eb1e,
    0xf57d4f7fee6ed178,
    0x06f067aa72176fba,
    0x0a637dc5a2c898a6,
    0x113f9804bef90dae,
    0x1b710b35131c471b,
    0x28db77f523047d84,
    0x32caab7b40c72493,
    0x3c9ebe0a15c9bebc,
    0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6,
    0x597f299cfc657e2a,
    0x5fcb6fab3ad6faec,
    0x6c44198c4a475817,
];

fn sha512_core(data: &[u8], mut h: [u64; 8]) -> [u8; 64] {
    pad_and_run::<128, 16>(data, |block| {
        let mut w = [0u64; 80];
        for (i, c) in block.chunks_exact(8).enumerate() {
            if let (Some(wi), Ok(b)) = (w.get_mut(i), <[u8; 8]>::try_from(c)) {
                *wi = u64::from_be_bytes(b);
            }
        }
        for i in 16..80 {
            let (a, b) = (at(&w, i - 15), at(&w, i - 2));
            let s0 = a.rotate_right(1) ^ a.rotate_right(8) ^ (a >> 7);
            let s1 = b.rotate_right(19) ^ b.rotate_right(61) ^ (b >> 6);
            let v = at(&w, i - 16).wrapping_add(s0).wrapping_add(at(&w, i - 7)).wrapping_add(s1);
            set(&mut w, i, v);
        }
        let mut v = h;
        for (k, wi) in K512.iter().zip(w) {
            let [a, b, c, d, e, f, g, hh] = v;
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh.wrapping_add(s1).wrapping_add(ch).wrapping_add(*k).wrapping_add(wi);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    });
    let mut out = [0u8; 64];
    for (o, v) in out.chunks_exact_mut(8).zip(h) {
        o.copy_from_slice(&v.to_be_bytes());
    }
    out
}

/// SHA-512.
pub(crate) fn sha512(data: &[u8]) -> [u8; 64] {
    sha512_core(
        data,
        [
            0x6a09e667f3bcc908,
            0xbb67ae8584caa73b,
            0x3c6ef372fe94f82b,
            0xa54ff53a5f1d36f1,
            0x510e527fade682d1,
            0x9b05688c2b3e6c1f,
            0x1f83d9abfb41bd6b,
            0x5be0cd19137e2179,
        ],
    )
}

/// SHA-384 (the first 48 bytes of the returned array).
pub(crate) fn sha384(data: &[u8]) -> [u8; 64] {
    sha512_core(
        data,
        [
            0xcbbb9d5dc1059ed8,
            0x629a292a367cd507,
            0x9159015a3070dd17,
            0x152fecd8f70e5939,
            0x67332667ffc00b31,
            0x8eb44a8768581511,
            0xdb0c2e0d64f98fa7,
            0x47b5481dbefa4fa4,
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn hex(b: &[u8]) -> alloc::string::String {
        b.iter().map(|x| alloc::format!("{x:02x}")).collect()
    }

    #[test]
    fn fips_180_vectors() {
        let abc = b"abc";
        let two_block = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        assert_eq!(hex(&sha1(abc)), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(hex(&sha1(two_block)), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
        assert_eq!(hex(&sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        let million: Vec<u8> = core::iter::repeat(b'a').take(1_000_000).collect();
        assert_eq!(hex(&sha1(&million)), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
        assert_eq!(hex(&sha256(abc)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(hex(&sha256(two_block)), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        assert_eq!(
            hex(&sha512(abc)),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(
            hex(sha384(abc).get(..48).unwrap()),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed\
             8086072ba1e7cc2358baeca134c825a7"
        );
    }

    #[test]
    fn agrees_with_sha2_crate_at_every_padding_boundary() {
        use sha2::Digest;
        for len in 0..300usize {
            let data: Vec<u8> = (0..len).map(|i| (i * 31 + 7) as u8).collect();
            assert_eq!(sha256(&data).as_slice(), sha2::Sha256::digest(&data).as_slice(), "len {len}");
            assert_eq!(sha512(&data).as_slice(), sha2::Sha512::digest(&data).as_slice(), "len {len}");
            assert_eq!(sha384(&data).get(..48).unwrap(), sha2::Sha384::digest(&data).as_slice(), "len {len}");
        }
    }
}
