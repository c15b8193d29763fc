package snmp

import (
	"strings"

	"github.com/gosnmp/gosnmp"
)

// apply reads a GETBULK answer. The variables come repetition by
// repetition, one per varbind asked; those of one varbind are a stream,
// the variables that follow its OID in the device's MIB view, with
// nothing left out. So a stream serves every column whose next variable
// falls in its range, not only the one it was asked for: the rows past
// the end of a column are the next column's first rows (or show that
// column absent), and they are kept for it rather than read again.
func (b bulkBatch) apply(pkt *gosnmp.SnmpPacket, all []*column, maxRows int) {
	if pkt.Error != gosnmp.NoError || len(pkt.Variables) == 0 {
		for _, c := range b.cols {
			c.failed = true
		}
		return
	}
	k := len(b.oids)
	for j, start := range b.oids {
		var stream []gosnmp.SnmpPDU
		prev, ok := start, true
		for i := j; i < len(pkt.Variables); i += k {
			v := pkt.Variables[i]
			v.Name = normOID(v.Name)
			if v.Type == gosnmp.EndOfMibView {
				stream = append(stream, v)
				break
			}
			if cmpOID(v.Name, prev) <= 0 {
				ok = false // not increasing: leave it to a reader's walk
				break
			}
			stream, prev = append(stream, v), v.Name
		}
		if !ok || len(stream) == 0 {
			b.cols[j].failed = true
			continue
		}
		ended := stream[len(stream)-1].Type == gosnmp.EndOfMibView
		for _, c := range all {
			if c.active() && cmpOID(c.cur, start) >= 0 && (ended || cmpOID(c.cur, prev) < 0) {
				c.take(stream, maxRows)
			}
		}
	}
}

// take reads the variables of stream that follow c's position, until one
// leaves c's subtree.
func (c *column) take(stream []gosnmp.SnmpPDU, maxRows int) {
	for _, v := range stream {
		if v.Type == gosnmp.EndOfMibView {
			c.done = true
			return
		}
		if cmpOID(v.Name, c.cur) <= 0 {
			continue
		}
		c.steps++
		if !underOID(v.Name, c.root) {
			c.done = true
			return
		}
		c.cur = v.Name
		if v.Type == gosnmp.NoSuchObject || v.Type == gosnmp.NoSuchInstance {
			continue
		}
		c.rows[suffixOf(v.Name, c.root)] = v
		if len(c.rows) >= maxRows {
			c.failed = true
			return
		}
	}
}

// cmpOID is compareOID for the well-formed OIDs of answers, without
// allocating: the prefetch compares every column's position with every
// answer.
func cmpOID(a, b string) int {
	i, j := 0, 0
	for {
		for i < len(a) && a[i] == '.' {
			i++
		}
		for j < len(b) && b[j] == '.' {
			j++
		}
		switch {
		case i >= len(a) && j >= len(b):
			return 0
		case i >= len(a):
			return -1
		case j >= len(b):
			return 1
		}
		ei, ej := i, j
		for ei < len(a) && a[ei] != '.' {
			ei++
		}
		for ej < len(b) && b[ej] != '.' {
			ej++
		}
		// Equal-length digit strings compare as numbers; a longer one
		// (without leading zeros) is the larger number.
		if ei-i != ej-j {
			if ei-i < ej-j {
				return -1
			}
			return 1
		}
		if c := strings.Compare(a[i:ei], b[j:ej]); c != 0 {
			return c
		}
		i, j = ei, ej
	}
}
