// Package snmppoll runs the collector's network discovery: SNMP credential
// sets kept with their secrets sealed (AES-GCM), discovery jobs run on the
// database job queue by this collector or handed to an agent serving a
// remote site, runs with persisted progress, and their results, imported
// into the park automatically or by a technician.
package snmppoll
