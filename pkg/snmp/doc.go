// Package snmp discovers, identifies and inventories network devices
// (printers, switches, routers, access points, UPS...) over SNMP v1, v2c and
// v3, and writes what it finds as GLPI native inventory reports
// (inventory.Report with action "netdiscovery" or "netinventory").
//
// The package is pure Go (gosnmp) so that both the collector and an agent
// working for a remote site can run it. Its layers:
//
//   - Session (session.go, walk.go): one SNMP session to one host with one
//     credential; GET, and walks by GETBULK that fall back to GETNEXT when a
//     device mishandles bulk requests, guarded against loops and huge tables.
//   - Discover (discovery.go): sweeps CIDR ranges and address lists with a
//     bounded pool of workers, trying each credential in order, and reports
//     hosts that only answer a cheap presence probe as unmanaged.
//   - Identify (identify.go): sysObjectID against the sysobject.ids database
//     (a GPL-2.0 data file loaded at run time, never compiled in), then
//     sysDescr rules, then MIB probing.
//   - Inventory (inventory.go): the full read of one device: ports, VLANs,
//     MAC table, LLDP/CDP neighbours, ENTITY-MIB components, and for
//     printers page counters and supplies.
//
// The GLPI Agent behaviour (GLPI::Agent::Tools::Hardware and its MibSupport
// modules) is the reference for what is read and how it is named; the code
// here is written from the MIBs, not translated.
package snmp
