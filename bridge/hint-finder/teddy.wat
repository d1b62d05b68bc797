;; The byte-level prefilter behind bridge/hint-finder: where in a text any hint's fingerprint occurs.
;;
;; Teddy (the SIMD multi-literal search of Hyperscan and Rust's aho-corasick): every hint has a
;; 4-byte fingerprint; fingerprints are spread over 8 buckets (one bit each). For each of the 4
;; bytes, two 16-byte tables say which buckets allow its low and its high nibble. A 16-byte block
;; is tested at 16 starting positions at once with `i8x16.swizzle`; a lane with a bit left is a
;; candidate, and a candidate is kept only if its 4 bytes are a fingerprint exactly (an open-
;; addressing table), so JavaScript verifies whole hints at a few offsets instead of every byte.
;; Newlines are counted in the same pass.
;;
;; Memory (the caller writes masks and table once, the text before each scan):
;;   0..128      nibble masks: lo0 hi0 lo1 hi1 lo2 hi2 lo3 hi3 (16 bytes each)
;;   1024..5120  fingerprint table: 512 × {key: u32 (0 = empty), group: u32 (1-based)}
;;   out..       results: {position: u32, group: u32, newlines before it: u32}
;;   text        the text's bytes, followed by at least 32 zero bytes (the loads read past the end)
;;
;; Rebuild the module after editing: `npm run wasm` (writes teddy-wasm.ts; a test checks it is current).
(module
  (memory (export "memory") 1)
  (global $newlines (export "newlines") (mut i32) (i32.const 0))
  ;; Where a scan stopped because the result area was full (= end when it finished).
  (global $resume (export "resume") (mut i32) (i32.const 0))

  ;; Scans [p, end); writes results from `out` up to `outEnd`; returns how many.
  ;; Counts newlines on from the `newlines` global (the caller zeroes it for a new text).
  (func (export "scan") (param $p i32) (param $end i32) (param $out i32) (param $outEnd i32) (result i32)
    (local $a v128) (local $b v128) (local $c v128) (local $d v128) (local $r v128)
    (local $m i32) (local $lane i32) (local $nlm i32) (local $nlc i32) (local $q i32) (local $g i32) (local $o0 i32)
    (local $before i32) (local $key i32) (local $slot i32) (local $k i32)
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
        (local.set $b (v128.load offset=1 (local.get $p)))
        (local.set $c (v128.load offset=2 (local.get $p)))
        (local.set $d (v128.load offset=3 (local.get $p)))
        ;; Zero bytes past `end` are never newlines, so a short last block counts right.
        (local.set $nlm (i8x16.bitmask (i8x16.eq (local.get $a) (local.get $ln))))
        (local.set $r
          (v128.and
            (v128.and
              (v128.and (i8x16.swizzle (local.get $lo0) (v128.and (local.get $a) (local.get $f)))
                        (i8x16.swizzle (local.get $hi0) (i8x16.shr_u (local.get $a) (i32.const 4))))
              (v128.and (i8x16.swizzle (local.get $lo1) (v128.and (local.get $b) (local.get $f)))
                        (i8x16.swizzle (local.get $hi1) (i8x16.shr_u (local.get $b) (i32.const 4)))))
            (v128.and
              (v128.and (i8x16.swizzle (local.get $lo2) (v128.and (local.get $c) (local.get $f)))
                        (i8x16.swizzle (local.get $hi2) (i8x16.shr_u (local.get $c) (i32.const 4))))
              (v128.and (i8x16.swizzle (local.get $lo3) (v128.and (local.get $d) (local.get $f)))
                        (i8x16.swizzle (local.get $hi3) (i8x16.shr_u (local.get $d) (i32.const 4)))))))
        (if (v128.any_true (local.get $r))
          (then
            (local.set $m (i8x16.bitmask (i8x16.ne (local.get $r) (v128.const i32x4 0 0 0 0))))
            (loop $lanes
              (local.set $lane (i32.ctz (local.get $m)))
              (local.set $q (i32.add (local.get $p) (local.get $lane)))
              (if (i32.lt_u (local.get $q) (local.get $end))
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
                      (local.set $before (i32.add (local.get $nlc)
                        (i32.popcnt (i32.and (local.get $nlm)
                          (i32.sub (i32.shl (i32.const 1) (local.get $lane)) (i32.const 1))))))
                      (if (i32.ge_u (local.get $out) (local.get $outEnd))
                        (then
                          ;; Full: stop before this candidate, with the newlines before it counted.
                          (global.set $resume (local.get $q))
                          (global.set $newlines (local.get $before))
                          (return (i32.div_u (i32.sub (local.get $out) (local.get $o0)) (i32.const 12)))))
                      (i32.store (local.get $out) (local.get $q))
                      (i32.store offset=4 (local.get $out) (local.get $g))
                      (i32.store offset=8 (local.get $out) (local.get $before))
                      (local.set $out (i32.add (local.get $out) (i32.const 12)))))))
              (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
              (br_if $lanes (local.get $m)))))
        (local.set $nlc (i32.add (local.get $nlc) (i32.popcnt (local.get $nlm))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $top)))
    (global.set $newlines (local.get $nlc))
    (global.set $resume (local.get $end))
    (i32.div_u (i32.sub (local.get $out) (local.get $o0)) (i32.const 12)))
)
