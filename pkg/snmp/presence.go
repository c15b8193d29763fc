package snmp

import (
	"context"

	"github.com/gosnmp/gosnmp"
)

// Most of the tables an inventory asks for are absent from a given device:
// another vendor's MIB, another type's, a fragment of a MIB. A walk of an
// absent table still costs a request and a few rows of whatever follows
// it, and on the simulated lab they were nearly half of all requests. One
// GETNEXT carrying the roots of many tables answers, for each, with the
// first variable after it: when that variable is outside the root, the
// table is absent. probeTables asks that once per group of tables and
// keeps the absent ones as empty walks, so the readers that walk them
// later cost the device nothing.

// probeBatch is how many roots one presence GETNEXT carries: well within
// what agents accept in one request and answer in one datagram.
const probeBatch = 32

// probeTables learns which of roots are absent, during an inventory only
// (outside one nothing is kept). A failed or odd answer teaches nothing:
// the roots are then walked as usual.
func (s *Session) probeTables(ctx context.Context, roots ...string) {
	if s.walks == nil || s.cred.Version == "1" {
		// SNMPv1 fails a whole GETNEXT with noSuchName when one root is
		// past the end of the MIB: a probe would mostly fail.
		return
	}
	var todo []string
	for _, r := range roots {
		r = normOID(r)
		if _, ok := s.cachedWalk(r); !ok {
			todo = append(todo, r)
		}
	}
	for i := 0; i < len(todo); i += probeBatch {
		batch := todo[i:min(i+probeBatch, len(todo))]
		sent, got := s.sent, s.got
		pkt, err := s.request(ctx, func() (*gosnmp.SnmpPacket, error) { return s.g.GetNext(batch) })
		s.log.Debug("probe tables", "first", batch[0], "roots", len(batch), "requests", s.sent-sent, "variables", s.got-got)
		if err != nil || pkt.Error != gosnmp.NoError || len(pkt.Variables) != len(batch) {
			continue
		}
		for j, v := range pkt.Variables {
			if v.Type == gosnmp.EndOfMibView || !underOID(v.Name, batch[j]) {
				s.keepAbsent(batch[j])
			}
		}
	}
}

// keepAbsent records root as walked and empty; its sibling columns learn
// nothing from it (an absent column says nothing of a table's size).
func (s *Session) keepAbsent(root string) {
	s.walks[root] = Table{}
}

// inventoryTables are the subtrees an inventory of a device of type t
// reads: walk lists those its readers walk whatever they find, probe
// those they walk only under a condition (no 64-bit counters, no
// Q-BRIDGE table, a vendor's printer, a Force10 stack...), and those
// identification walks only when the system group did not say enough.
func inventoryTables(t string) (walk, probe, perPort []string) {
	walk = []string{oidIPAdEntAddr, oidIPAdEntIfIndex, oidDot3StatsDuplex}
	for _, c := range []string{colIfDescr, colIfType, colIfMTU, colIfPhysAddress,
		colIfAdminStatus, colIfOperStatus, colIfLastChange, colIfInErrors, colIfOutErrors} {
		walk = append(walk, oidIfTable+"."+c)
	}
	for _, c := range []string{colIfName, colIfHCInOctets, colIfHCOutOctets, colIfHighSpeed, colIfAlias} {
		walk = append(walk, oidIfXTable+"."+c)
	}
	probe = []string{oidIfTable + "." + colIfInOctets, oidIfTable + "." + colIfOutOctets, oidIfTable + "." + colIfSpeed,
		oidPrtGeneralSerialNumber}
	var entity []string
	for _, c := range entityColumns {
		entity = append(entity, oidEntPhysical+"."+c)
	}
	switch t {
	case TypePrinter:
		walk = append(walk, oidSuppliesEntry, oidColorantValue)
		probe = append(probe, oidRicohCounterType, oidRicohCounterValue,
			oidCanonCountersC55XX, oidCanonTypesLBP76XX, oidCanonCountersLBP76X)
		probe = append(probe, entity...)
	case TypeNetworking:
		walk = append(walk, entity...)
		walk = append(walk, oidDot1dBasePortIfIndex,
			oidVtpVlanName, oidVmVlan, oidDot1qVlanStaticName, oidDot1qVlanStaticEgress,
			oidDot1qVlanStaticUntagged, oidDot1qVlanStaticStatus, oidDot1qVlanCurrentEgress, oidDot1qVlanCurrentUntag,
			oidLldpXdot1VlanName, oidLldpXdot1PortVlanID,
			oidVlanTrunkPortDynStatus, oidJnxExVlanPortAccess,
			oidLldpRemEntry, oidLldpRemManAddrIf, oidCiscoPortIfIndex,
			oidDot1qTpFdbPort, oidDot3adAggPortAttached, oidPagpGroupIfIndex, oidF10StackUnitEntry)
		for _, c := range cdpColumns {
			walk = append(walk, oidCdpCacheEntry+"."+c)
		}
		probe = append(probe, oidDot1dTpFdbPort, oidIPNetToMediaIfIndex, oidIPNetToMediaPhysAddres, oidF10SysPortIfIndex)
	default:
		probe = append(probe, entity...)
	}
	perPort = []string{oidIfXTable + ".1", oidDot3StatsDuplex, oidVmVlan, oidVlanTrunkPortDynStatus, oidCiscoPortIfIndex,
		oidPagpGroupIfIndex, oidDot3adAggPortAttached, oidDot1dBasePortIfIndex, oidLldpXdot1PortVlanID}
	return walk, probe, perPort
}
