;; The byte-level stage 1 behind bridge/hint-finder: where in a text each hint occurs.
;;
;; Teddy (the SIMD multi-literal search of Hyperscan and Rust's aho-corasick): every hint has a
;; 4-byte fingerprint; fingerprints are spread over 8 buckets (one bit each). For each of the 4
;; bytes, two 16-byte tables say which buckets allow its low and its high nibble. Each 16-byte
;; block is loaded once; `i8x16.swizzle` looks its nibbles up for all four byte positions, and
;; the lookups of the previous block are shifted in (`i8x16.shuffle` of two vectors, one
;; `palignr` on x86), so lane j says which buckets have a fingerprint ending at byte j. A
;; candidate counts only if its 4 bytes are a fingerprint exactly (an open-addressing table), and
;; then each hint of that fingerprint is compared byte for byte where it would start. Newlines are
;; counted in the same pass.
;;
;; Memory (the caller writes the tables once, the text before each scan):
;;   0..128        nibble masks: lo0 hi0 lo1 hi1 lo2 hi2 lo3 hi3 (16 bytes each)
;;   1024..5120    fingerprint table: 512 × {key: u32 (0 = empty), group: u32 (1-based)}
;;   5120..7168    groups: 256 × {first hint: u32, hints: u32}
;;   8192..24576   hints: 1365 × {offset of the fingerprint in it: u32, length: u32, bytes at: u32}
;;   24576..57344  the hints' bytes
;;   out..         results: {hint start: u32, hint: u32, newlines before it: u32}
;;   text          the text's bytes, followed by at least 32 zero bytes (the loads read past the end)
;;
;; Rebuild the module after editing: `npm run wasm` (writes teddy-wasm.ts; a test checks it is current).
(module
  (memory (export "memory") 1)
  (global $newlines (export "newlines") (mut i32) (i32.const 0))
  ;; Where a scan stopped because the result area was full (= end when it finished).
  (global $resume (export "resume") (mut i32) (i32.const 0))

  ;; Whether hint $h occurs with its fingerprint at $q, inside [$text, $end).
  (func $verify (param $h i32) (param $q i32) (param $text i32) (param $end i32) (result i32)
    (local $at i32) (local $len i32) (local $bytes i32) (local $i i32)
    (local.set $at (i32.sub (local.get $q) (i32.load offset=8192 (i32.mul (local.get $h) (i32.const 12)))))
    (local.set $len (i32.load offset=8196 (i32.mul (local.get $h) (i32.const 12))))
    (local.set $bytes (i32.load offset=8200 (i32.mul (local.get $h) (i32.const 12))))
    (if (i32.lt_u (local.get $at) (local.get $text)) (then (return (i32.const 0))))
    (if (i32.gt_u (i32.add (local.get $at) (local.get $len)) (local.get $end)) (then (return (i32.const 0))))
    (block $differ
      (loop $bytes
        (br_if $differ (i32.ne (i32.load8_u (i32.add (local.get $at) (local.get $i)))
                               (i32.load8_u (i32.add (local.get $bytes) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $bytes (i32.lt_u (local.get $i) (local.get $len)))
        (return (i32.const 1))))
    (i32.const 0))

  ;; Scans [p, end) of the text that starts at `text`; writes results from `out` up to `outEnd`;
  ;; returns how many. Counts newlines on from the `newlines` global (zeroed by the caller).
  (func (export "scan") (param $text i32) (param $p i32) (param $end i32) (param $out i32) (param $outEnd i32) (result i32)
    (local $a v128) (local $lo v128) (local $hi v128) (local $r v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $p0 v128) (local $p1 v128) (local $p2 v128)
    (local $m i32) (local $lane i32) (local $nlm i32) (local $nlc i32) (local $q i32) (local $g i32) (local $o0 i32)
    (local $before i32) (local $key i32) (local $slot i32) (local $k i32) (local $h i32) (local $last i32)
    (local $f v128) (local $ln v128)
    (local $lo0 v128) (local $hi0 v128) (local $lo1 v128) (local $hi1 v128)
    (local $lo2 v128) (local $hi2 v128) (local $lo3 v128) (local $hi3 v128)
    (local.set $lo0 (v128.load (i32.const 0)))  (local.set $hi0 (v128.load (i32.const 16)))
    (local.set $lo1 (v128.load (i32.const 32))) (local.set $hi1 (v128.load (i32.const 48)))
    (local.set $lo2 (v128.load (i32.const 64))) (local.set $hi2 (v128.load (i32.const 80)))
    (local.set $lo3 (v128.load (i32.const 96))) (local.set $hi3 (v128.load (i32.const 112)))
    (local.set $f (i8x16.splat (i32.const 15)))
    (local.set $ln (i8x16.splat (i32.const 10)))
    (local.set $nlc (global.get $newlines))
    (local.set $o0 (local.get $out))
    (block $done
      (loop $top
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $a (v128.load (local.get $p)))
        ;; Zero bytes past `end` are never newlines, so a short last block counts right.
        (local.set $nlm (i8x16.bitmask (i8x16.eq (local.get $a) (local.get $ln))))
        (local.set $lo (v128.and (local.get $a) (local.get $f)))
        (local.set $hi (i8x16.shr_u (local.get $a) (i32.const 4)))
        (local.set $t0 (v128.and (i8x16.swizzle (local.get $lo0) (local.get $lo)) (i8x16.swizzle (local.get $hi0) (local.get $hi))))
        (local.set $t1 (v128.and (i8x16.swizzle (local.get $lo1) (local.get $lo)) (i8x16.swizzle (local.get $hi1) (local.get $hi))))
        (local.set $t2 (v128.and (i8x16.swizzle (local.get $lo2) (local.get $lo)) (i8x16.swizzle (local.get $hi2) (local.get $hi))))
        (local.set $t3 (v128.and (i8x16.swizzle (local.get $lo3) (local.get $lo)) (i8x16.swizzle (local.get $hi3) (local.get $hi))))
        ;; Lane j: byte j matches fingerprint byte 3, byte j-1 byte 2, j-2 byte 1, j-3 byte 0.
        (local.set $r
          (v128.and
            (v128.and (local.get $t3)
              (i8x16.shuffle 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 (local.get $p2) (local.get $t2)))
            (v128.and
              (i8x16.shuffle 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 (local.get $p1) (local.get $t1))
              (i8x16.shuffle 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 (local.get $p0) (local.get $t0)))))
        (local.set $p0 (local.get $t0))
        (local.set $p1 (local.get $t1))
        (local.set $p2 (local.get $t2))
        (if (v128.any_true (local.get $r))
          (then
            (local.set $m (i8x16.bitmask (i8x16.ne (local.get $r) (v128.const i32x4 0 0 0 0))))
            (loop $lanes
              (local.set $lane (i32.ctz (local.get $m)))
              ;; The fingerprint ending at this lane starts 3 bytes before it. (Lanes 0–2 of the
              ;; first block can't fire: the "previous block" there is all zeros.)
              (local.set $q (i32.sub (i32.add (local.get $p) (local.get $lane)) (i32.const 3)))
              (if (i32.lt_u (i32.add (local.get $q) (i32.const 3)) (local.get $end))
                (then
                  ;; The fingerprint table, inline: Fibonacci hashing to 9 bits, linear probing;
                  ;; the table is at most half full, so a probe for an absent key ends quickly.
                  (local.set $key (i32.load (local.get $q)))
                  (local.set $slot (i32.shr_u (i32.mul (local.get $key) (i32.const 0x9E3779B1)) (i32.const 23)))
                  (local.set $g (i32.const 0))
                  (block $found
                    (loop $probe
                      (local.set $k (i32.load offset=1024 (i32.shl (local.get $slot) (i32.const 3))))
                      (br_if $found (i32.eqz (local.get $k)))
                      (if (i32.eq (local.get $k) (local.get $key))
                        (then
                          (local.set $g (i32.load offset=1028 (i32.shl (local.get $slot) (i32.const 3))))
                          (br $found)))
                      (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (i32.const 511)))
                      (br $probe)))
                  (if (local.get $g)
                    (then
                      ;; A fingerprint holds no newline: those before its last byte are those before it.
                      (local.set $before (i32.add (local.get $nlc)
                        (i32.popcnt (i32.and (local.get $nlm)
                          (i32.sub (i32.shl (i32.const 1) (local.get $lane)) (i32.const 1))))))
                      (local.set $h (i32.load offset=5120 (i32.shl (local.get $g) (i32.const 3))))
                      (local.set $last (i32.add (local.get $h) (i32.load offset=5124 (i32.shl (local.get $g) (i32.const 3)))))
                      (if (i32.gt_u (i32.add (local.get $out) (i32.mul (i32.sub (local.get $last) (local.get $h)) (i32.const 12)))
                                    (local.get $outEnd))
                        (then
                          ;; No room for all its hints: the caller resumes at this fingerprint (a
                          ;; fresh block finds it again), with the newlines before it counted.
                          (global.set $resume (local.get $q))
                          (global.set $newlines (local.get $before))
                          (return (i32.div_u (i32.sub (local.get $out) (local.get $o0)) (i32.const 12)))))
                      (loop $hints
                        (if (call $verify (local.get $h) (local.get $q) (local.get $text) (local.get $end))
                          (then
                            (i32.store (local.get $out)
                              (i32.sub (local.get $q) (i32.load offset=8192 (i32.mul (local.get $h) (i32.const 12)))))
                            (i32.store offset=4 (local.get $out) (local.get $h))
                            (i32.store offset=8 (local.get $out) (local.get $before))
                            (local.set $out (i32.add (local.get $out) (i32.const 12)))))
                        (local.set $h (i32.add (local.get $h) (i32.const 1)))
                        (br_if $hints (i32.lt_u (local.get $h) (local.get $last))))))))
              (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
              (br_if $lanes (local.get $m)))))
        (local.set $nlc (i32.add (local.get $nlc) (i32.popcnt (local.get $nlm))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $top)))
    (global.set $newlines (local.get $nlc))
    (global.set $resume (local.get $end))
    (i32.div_u (i32.sub (local.get $out) (local.get $o0)) (i32.const 12)))
)
