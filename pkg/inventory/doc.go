// Package inventory is the wire schema of Parc: the GLPI native inventory
// JSON format (glpi-project/inventory_format, schema version 1.0) as typed Go
// structs, plus Parc's own extension key and a Validate method that checks
// what the schema checks and names the offending field.
//
// The package is standard-library only so that the agent, the collector and
// any third-party tool can import it cheaply. Field comments give the unit
// and an example from Windows and Linux where they differ.
//
// Changelog of the Parc side of the schema (the GLPI part follows upstream):
//
//   - 2026-11-23 v1: first version; GLPI schema 1.0 sections for computers,
//     network equipment and printers; content.parc carries per-collector
//     duration and error and per-section checksums.
//   - 2026-11-23 v2: content.parc.supplies lists a printer's supplies in
//     full (description, type, class, unit, capacity, level, percentage),
//     beyond GLPI's cartridges map.
package inventory

// SchemaVersion is the version of the Parc extension of the format, bumped
// with a changelog entry in the package doc whenever a field is added.
const SchemaVersion = 2

// Actions of a report.
const (
	ActionInventory    = "inventory"
	ActionNetDiscovery = "netdiscovery"
	ActionNetInventory = "netinventory"
)

// Item types of a report.
const (
	ItemComputer         = "Computer"
	ItemPrinter          = "Printer"
	ItemNetworkEquipment = "NetworkEquipment"
	ItemUnmanaged        = "Unmanaged"
	ItemPhone            = "Phone"
)
