package main

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Identifiers that reconciliation matches on (serials, MACs) must be unique
// per simulated machine, or two PCs would merge into one asset and the
// second agent would be refused. Random draws collide at park sizes of
// 100,000 (the birthday bound), so these are bijections of the machine
// index instead: i*mult + offset modulo the size of the identifier space,
// with mult coprime to that size, so distinct indexes give distinct values.

// machineRand is the deterministic random source of machine i: the same
// seed and index always give the same machine.
func machineRand(seed uint64, i int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed^0x9e3779b97f4a7c15, uint64(i)<<8|stream))
}

// scramble maps i to a distinct value in [0, space) for i < space. mult
// must be coprime to space.
func scramble(i int, seed uint64, mult, space uint64) uint64 {
	off := (seed * 0x2545f4914f6cdd1d) % space
	return (uint64(i)%space*mult + off) % space
}

const base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// serial36 writes v in base 36 on exactly width upper-case characters.
func serial36(v uint64, width int) string {
	b := make([]byte, width)
	for k := width - 1; k >= 0; k-- {
		b[k] = base36[v%36]
		v /= 36
	}
	return string(b)
}

// pow36 is 36^n.
func pow36(n int) uint64 {
	p := uint64(1)
	for range n {
		p *= 36
	}
	return p
}

// uniqueSerial is a serial of width base-36 characters after prefix,
// distinct for every machine index (and slot, for several devices of one
// machine such as monitors). The multiplier is prime and larger than 3, so
// coprime to 36^width.
func uniqueSerial(prefix string, seed uint64, i, slot, width int) string {
	return prefix + serial36(scramble(i*4+slot, seed, 2654435761, pow36(width)), width)
}

// uniqueMAC is a MAC address under the vendor prefix oui ("8c:8c:aa"),
// distinct for every machine index below 2^24.
func uniqueMAC(oui string, seed uint64, i int) string {
	v := scramble(i, seed+uint64(len(oui)), 0x9E3779B1, 1<<24)
	return fmt.Sprintf("%s:%02x:%02x:%02x", oui, v>>16, (v>>8)&0xff, v&0xff)
}

// randomUUID formats 128 random bits as an SMBIOS system UUID.
func randomUUID(r *rand.Rand) string {
	hi, lo := r.Uint64(), r.Uint64()
	s := fmt.Sprintf("%016X%016X", hi, lo)
	return strings.Join([]string{s[0:8], s[8:12], s[12:16], s[16:20], s[20:32]}, "-")
}

// randomHex is n random upper-case hex digits.
func randomHex(r *rand.Rand, n int) string {
	const digits = "0123456789ABCDEF"
	b := make([]byte, n)
	for k := range b {
		b[k] = digits[r.IntN(16)]
	}
	return string(b)
}

// pick returns a random element of list.
func pick[T any](r *rand.Rand, list []T) T {
	return list[r.IntN(len(list))]
}
