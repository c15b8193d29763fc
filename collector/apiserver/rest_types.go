package apiserver

import (
	"encoding/json"
	"time"

	"github.com/parcproject/parc/collector/store"
)

// The REST API's JSON shapes. They are this package's own types, not the
// store's, so a store refactoring cannot silently change the public API;
// openapi_test.go keeps pkg/api/openapi.yaml in step with them.

// AssetJSON is an asset of the park.
type AssetJSON struct {
	ID              int64      `json:"id"`
	Type            string     `json:"type"`
	Name            string     `json:"name"`
	UUID            string     `json:"uuid"`
	Serial          string     `json:"serial"`
	Manufacturer    string     `json:"manufacturer"`
	Model           string     `json:"model"`
	Chassis         string     `json:"chassis"`
	OSName          string     `json:"os_name"`
	OSVersion       string     `json:"os_version"`
	OSArch          string     `json:"os_arch"`
	OSKernel        string     `json:"os_kernel"`
	Domain          string     `json:"domain"`
	LastUser        string     `json:"last_user"`
	CPU             string     `json:"cpu"`
	MemoryMB        int64      `json:"memory_mb"`
	Firmware        string     `json:"firmware"`
	IP              string     `json:"ip"`
	InventoryNumber string     `json:"inventory_number"`
	Comment         string     `json:"comment"`
	LocationID      *int64     `json:"location_id"`
	StateID         *int64     `json:"state_id"`
	ParentID        *int64     `json:"parent_id"`
	OwnerID         *int64     `json:"owner_id"`
	PurchaseDate    string     `json:"purchase_date"`
	Supplier        string     `json:"supplier"`
	OrderNumber     string     `json:"order_number"`
	PurchaseCents   int64      `json:"purchase_cents"`
	WarrantyEnd     string     `json:"warranty_end"`
	Source          string     `json:"source"`
	LastInventoryAt *time.Time `json:"last_inventory_at"`
	CreatedAt       *time.Time `json:"created_at"`
	UpdatedAt       *time.Time `json:"updated_at"`
}

// AssetListJSON is one page of GET /api/v1/assets.
type AssetListJSON struct {
	Total int         `json:"total"`
	Items []AssetJSON `json:"items"`
}

// AssetDetailJSON is GET /api/v1/assets/{id}: the asset, its inventoried
// sections (GLPI inventory keys, each a list of the reported objects), its
// software and the agent that reports it (null for other assets).
type AssetDetailJSON struct {
	Asset    AssetJSON                    `json:"asset"`
	Sections map[string][]json.RawMessage `json:"sections"`
	Software []InstallationJSON           `json:"software"`
	Agent    *AgentJSON                   `json:"agent"`
	// Network is what SNMP inventories add; nil (absent) when nothing.
	Network *NetworkJSON `json:"network,omitempty"`
}

// InstallationJSON is one software installation on an asset.
type InstallationJSON struct {
	SoftwareID  int64      `json:"software_id"`
	Name        string     `json:"name"`
	Publisher   string     `json:"publisher"`
	Version     string     `json:"version"`
	Arch        string     `json:"arch"`
	InstallDate string     `json:"install_date"`
	Source      string     `json:"source"`
	FirstSeen   *time.Time `json:"first_seen"`
}

// AgentJSON is what the collector knows of an asset's agent.
type AgentJSON struct {
	DeviceID      string     `json:"deviceid"`
	Hostname      string     `json:"hostname"`
	Tag           string     `json:"tag"`
	Version       string     `json:"version"`
	EnrolledAt    *time.Time `json:"enrolled_at"`
	LastContactAt *time.Time `json:"last_contact_at"`
	LastFullAt    *time.Time `json:"last_full_at"`
}

// SoftwareJSON is a software of the catalogue.
type SoftwareJSON struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Publisher string `json:"publisher"`
	Versions  int    `json:"versions"`
	Installs  int    `json:"installs"`
}

// SoftwareListJSON is one page of GET /api/v1/software.
type SoftwareListJSON struct {
	Total int            `json:"total"`
	Items []SoftwareJSON `json:"items"`
}

// SoftwareDetailJSON is GET /api/v1/software/{id}.
type SoftwareDetailJSON struct {
	Software      SoftwareJSON            `json:"software"`
	Versions      []SoftwareVersionJSON   `json:"versions"`
	Installations []AssetInstallationJSON `json:"installations"`
}

// SoftwareVersionJSON is one version of a software.
type SoftwareVersionJSON struct {
	ID       int64  `json:"id"`
	Version  string `json:"version"`
	Installs int    `json:"installs"`
}

// AssetInstallationJSON is an asset that has a version of a software.
type AssetInstallationJSON struct {
	AssetID   int64  `json:"asset_id"`
	AssetName string `json:"asset_name"`
	AssetType string `json:"asset_type"`
	Version   string `json:"version"`
	Arch      string `json:"arch"`
}

// optTime is nil for the zero time ("never"), which JSON shows as null.
func optTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	t = t.UTC()
	return &t
}

// optID is nil for 0 ("none").
func optID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func assetJSON(a *store.Asset) AssetJSON {
	return AssetJSON{
		ID: a.ID, Type: a.Type, Name: a.Name, UUID: a.UUID, Serial: a.Serial, Manufacturer: a.Manufacturer,
		Model: a.Model, Chassis: a.Chassis, OSName: a.OSName, OSVersion: a.OSVersion, OSArch: a.OSArch,
		OSKernel: a.OSKernel, Domain: a.Domain, LastUser: a.LastUser, CPU: a.CPU, MemoryMB: a.MemoryMB,
		Firmware: a.Firmware, IP: a.IP, InventoryNumber: a.InventoryNumber, Comment: a.Comment,
		LocationID: optID(a.LocationID), StateID: optID(a.StateID), ParentID: optID(a.ParentID), OwnerID: optID(a.OwnerID),
		PurchaseDate: a.PurchaseDate, Supplier: a.Supplier, OrderNumber: a.OrderNumber,
		PurchaseCents: a.PurchaseCents, WarrantyEnd: a.WarrantyEnd, Source: a.Source,
		LastInventoryAt: optTime(a.LastInventoryAt), CreatedAt: optTime(a.CreatedAt), UpdatedAt: optTime(a.UpdatedAt),
	}
}

func installationJSON(in store.Installation) InstallationJSON {
	return InstallationJSON{SoftwareID: in.SoftwareID, Name: in.Name, Publisher: in.Publisher, Version: in.Version,
		Arch: in.Arch, InstallDate: in.InstallDate, Source: in.Source, FirstSeen: optTime(in.FirstSeen)}
}

func agentJSON(a *store.Agent) *AgentJSON {
	if a == nil {
		return nil
	}
	return &AgentJSON{DeviceID: a.DeviceID, Hostname: a.Hostname, Tag: a.Tag, Version: a.Version,
		EnrolledAt: optTime(a.EnrolledAt), LastContactAt: optTime(a.LastContactAt), LastFullAt: optTime(a.LastFullAt)}
}

func softwareJSON(s *store.Software) SoftwareJSON {
	return SoftwareJSON{ID: s.ID, Name: s.Name, Publisher: s.Publisher, Versions: s.Versions, Installs: s.Installs}
}
