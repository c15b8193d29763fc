package inventory

import "encoding/json"

// Report is one inventory message: the top-level object of the format.
// The schema forbids any other top-level key.
type Report struct {
	// Action is "inventory" for a computer, "netdiscovery" or
	// "netinventory" for SNMP results.
	Action string `json:"action,omitempty"`
	// DeviceID identifies the sending agent, "<hostname>-<YYYY-MM-DD-HH-MM-SS>",
	// e.g. "PC-MAIRIE-01-2026-11-23-10-04-12". Stable across runs of one agent.
	DeviceID string `json:"deviceid"`
	// ItemType is "Computer", "Printer", "NetworkEquipment", "Unmanaged"...
	ItemType string `json:"itemtype,omitempty"`
	// Partial is true when Content holds only the sections that changed.
	Partial bool `json:"partial,omitempty"`
	// JobID ties a network task result to the job that asked for it.
	JobID int64 `json:"jobid,omitempty"`
	// Tag is the administrator's free label, e.g. "mairie-annexe".
	Tag string `json:"tag,omitempty"`
	// Content holds the inventory sections.
	Content Content `json:"content"`
}

// Content holds every section. Sections a collector could not fill are
// simply absent; Parc records why in Parc.Collectors.
type Content struct {
	VersionClient   string           `json:"versionclient"` // e.g. "Parc-Agent_v0.1.0"
	VersionProvider *VersionProvider `json:"versionprovider,omitempty"`
	AccessLog       *AccessLog       `json:"accesslog,omitempty"`

	Hardware        *Hardware        `json:"hardware,omitempty"`
	Bios            *Bios            `json:"bios,omitempty"`
	OperatingSystem *OperatingSystem `json:"operatingsystem,omitempty"`
	CPUs            []CPU            `json:"cpus,omitempty"`
	Memories        []Memory         `json:"memories,omitempty"`
	Storages        []Storage        `json:"storages,omitempty"`
	Drives          []Drive          `json:"drives,omitempty"`
	Networks        []Network        `json:"networks,omitempty"`
	Softwares       []Software       `json:"softwares,omitempty"`
	Users           []User           `json:"users,omitempty"`
	Monitors        []Monitor        `json:"monitors,omitempty"`
	Videos          []Video          `json:"videos,omitempty"`
	Batteries       []Battery        `json:"batteries,omitempty"`
	Antivirus       []Antivirus      `json:"antivirus,omitempty"`
	LocalUsers      []LocalUser      `json:"local_users,omitempty"`
	LocalGroups     []LocalGroup     `json:"local_groups,omitempty"`
	Controllers     []Controller     `json:"controllers,omitempty"`
	Sounds          []Sound          `json:"sounds,omitempty"`
	USBDevices      []USBDevice      `json:"usbdevices,omitempty"`
	Printers        []Printer        `json:"printers,omitempty"`
	Inputs          []Input          `json:"inputs,omitempty"`
	Firewalls       []Firewall       `json:"firewalls,omitempty"`
	RemoteMgmt      []RemoteMgmt     `json:"remote_mgmt,omitempty"`
	LicenseInfos    []LicenseInfo    `json:"licenseinfos,omitempty"`
	VirtualMachines []VirtualMachine `json:"virtualmachines,omitempty"`
	Firmwares       []Firmware       `json:"firmwares,omitempty"`
	PowerSupplies   []PowerSupply    `json:"powersupplies,omitempty"`

	// Network equipment and printers (SNMP).
	NetworkDevice     *NetworkDevice     `json:"network_device,omitempty"`
	NetworkPorts      []NetworkPort      `json:"network_ports,omitempty"`
	NetworkComponents []NetworkComponent `json:"network_components,omitempty"`
	PageCounters      *PageCounters      `json:"pagecounters,omitempty"`
	// Cartridges is kept raw: upstream agents send it either as a list of
	// {name,value} or as an object such as {"tonerblack": "71"}.
	Cartridges json.RawMessage `json:"cartridges,omitempty"`

	// Parc is Parc's own extension (the schema allows extra content keys).
	Parc *ParcExtension `json:"parc,omitempty"`
}

// VersionProvider describes the program that produced the report.
type VersionProvider struct {
	Name     string   `json:"name,omitempty"`     // e.g. "Parc-Agent"
	Version  string   `json:"version,omitempty"`  // e.g. "0.1.0"
	Comments []string `json:"comments,omitempty"` // build facts, e.g. "Go: go1.26.8"
	Program  string   `json:"program,omitempty"`  // e.g. "parc-agent"
	ETime    int64    `json:"etime,omitempty"`    // inventory duration in seconds
}

// AccessLog records when the report was made.
type AccessLog struct {
	LogDate string `json:"logdate"` // "2006-01-02 15:04:05", local time
	UserID  string `json:"userid,omitempty"`
}

// ParcExtension is the "parc" content key: facts about how the report was
// made, which GLPI ignores.
type ParcExtension struct {
	// SchemaVersion is SchemaVersion of the producing agent.
	SchemaVersion int `json:"schema_version"`
	// Collectors lists every collector that ran, in order.
	Collectors []CollectorRun `json:"collectors,omitempty"`
	// Checksums maps a section name ("softwares") to the SHA-256 hex of its
	// JSON, as last computed by the agent, for incremental reports.
	Checksums map[string]string `json:"checksums,omitempty"`
	// Supplies lists every supply of a printer in full (SNMP netinventory,
	// since schema version 2).
	Supplies []Supply `json:"supplies,omitempty"`
	// Components carries the hardware revision and software version of
	// a network device's components (SNMP netinventory).
	Components []ComponentRevision `json:"components,omitempty"`
}

// CollectorRun is the outcome of one collector.
type CollectorRun struct {
	Name       string  `json:"name"`              // e.g. "softwares_dpkg"
	DurationMS float64 `json:"duration_ms"`       // wall time in milliseconds
	Error      string  `json:"error,omitempty"`   // why it failed, if it did
	NoData     bool    `json:"no_data,omitempty"` // the source is absent here (VM, container, no permission)
}
