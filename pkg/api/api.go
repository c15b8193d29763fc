// Package api is the contract between parc-agent and parc-collector: the
// paths, the headers and the JSON messages of the agent API, version 1.
// The OpenAPI description of the same contract is openapi.yaml beside this
// file; keep them in step.
//
// Flow: an agent enrolls once with the site's enrolment secret and receives
// its own token; it then calls Contact on a schedule, which tells it what to
// send, and posts inventories. Every call after enrolment carries
// "Authorization: Bearer <token>". A report is accepted only for the asset
// the token owns.
package api

import "github.com/parcproject/parc/pkg/snmp"

// Paths of the agent API.
const (
	PathEnroll    = "/api/v1/enroll"
	PathContact   = "/api/v1/contact"
	PathInventory = "/api/v1/inventory"
	// PathTaskProgress is POSTed with a TaskProgress; {id} is Task.ID.
	PathTaskProgress = "/api/v1/tasks/{id}/progress"
)

// Headers of the agent API.
const (
	// HeaderReportID carries the agent's unique ID for one report (a random
	// 128-bit hex string). The collector stores each accepted ID and answers
	// a resend of the same ID with the first answer, so a report retried
	// after a lost response is stored exactly once.
	HeaderReportID = "X-Parc-Report-Id"
	// HeaderAgentVersion carries the agent's version, e.g. "0.1.0".
	HeaderAgentVersion = "X-Parc-Agent-Version"
	// HeaderTaskID marks a report sent for a network task (Task.ID). Only
	// with it may an agent send reports of devices other than its own
	// computer, and only for a task the collector gave that agent.
	HeaderTaskID = "X-Parc-Task-Id"
)

// EnrollRequest is the body of POST PathEnroll.
type EnrollRequest struct {
	// Secret is the site enrolment secret printed by
	// `parc-collector enroll-secret`.
	Secret string `json:"secret"`
	// DeviceID is the agent's stable device ID, "<hostname>-<YYYY-MM-DD-HH-MM-SS>".
	DeviceID string `json:"deviceid"`
	// Hostname is the machine's short host name, e.g. "PC-ACCUEIL-02".
	Hostname string `json:"hostname"`
	// Tag is the administrator's optional label given at install time.
	Tag string `json:"tag,omitempty"`
}

// EnrollResponse is the answer to a successful enrolment.
type EnrollResponse struct {
	// AgentID is the collector's ID for this agent.
	AgentID string `json:"agent_id"`
	// Token is the agent's own credential; the collector keeps only its hash.
	// A deviceid that already has a credential cannot enrol again (409
	// Conflict) until an administrator removes its agent record, so the
	// site secret alone cannot take over another machine's asset.
	Token string `json:"token"`
}

// Inventory kinds a Contact answer can ask for. The agent sends the larger
// of what the collector asks and what its own schedule says.
const (
	// InventoryNone: send nothing now, unless the agent's schedule says so.
	InventoryNone = "none"
	// InventoryPartial: send the sections that changed since the last
	// report, if any changed; nothing otherwise.
	InventoryPartial = "partial"
	// InventoryFull: send every section now (an administrator asked, or the
	// collector lost or never had this asset's full inventory).
	InventoryFull = "full"
)

// ContactRequest is the body of POST PathContact.
type ContactRequest struct {
	DeviceID string `json:"deviceid"`
	Version  string `json:"version"` // agent version, e.g. "0.1.0"
	// LastFullInventory is when the agent last sent a full inventory,
	// RFC 3339, empty if never.
	LastFullInventory string `json:"last_full_inventory,omitempty"`
}

// ContactResponse tells the agent what to do next.
type ContactResponse struct {
	// Inventory is InventoryNone, InventoryPartial or InventoryFull.
	Inventory string `json:"inventory"`
	// NextContactSeconds is when to call Contact again, before jitter.
	NextContactSeconds int `json:"next_contact_seconds"`
	// FullEverySeconds is the longest time between two full inventories.
	FullEverySeconds int `json:"full_every_seconds,omitempty"`
	// Tasks are network tasks for an agent serving a remote site.
	Tasks []Task `json:"tasks,omitempty"`
}

// Task kinds.
const (
	// TaskNetDiscovery sweeps Targets and sends one netdiscovery report per
	// device found (itemtype NetworkEquipment, Printer, ... or Unmanaged).
	TaskNetDiscovery = "netdiscovery"
	// TaskNetInventory reads each of Targets in full and sends one
	// netinventory report per device.
	TaskNetInventory = "netinventory"
)

// Task is one network task (SNMP discovery or inventory) given to an agent
// that serves a remote site. The agent runs it with pkg/snmp, posts each
// device's report to PathInventory with HeaderTaskID set, and reports its
// progress to PathTaskProgress until Finished.
type Task struct {
	// ID is the collector's opaque ID of this run of a job, e.g. "42".
	ID string `json:"id"`
	// Kind is TaskNetDiscovery or TaskNetInventory.
	Kind string `json:"kind"`
	// Targets are addresses, CIDR ranges and dash ranges for a discovery
	// ("10.1.0.0/24", "10.1.1.10-10.1.1.20"), or hosts for an inventory.
	Targets []string `json:"targets"`
	// Credentials are tried in order; a discovery reports which one
	// answered (network_device.credentials holds its ID).
	Credentials []snmp.Credential `json:"credentials"`
	// Port is the SNMP port, 161 when 0.
	Port int `json:"port,omitempty"`
	// TimeoutMillis is the per-request timeout, 1000 when 0.
	TimeoutMillis int `json:"timeout_ms,omitempty"`
	// Retries is the number of retries per request.
	Retries int `json:"retries,omitempty"`
	// Workers bounds the hosts handled at once; pkg/snmp's default when 0.
	Workers int `json:"workers,omitempty"`
}

// TaskProgress is what an agent posts to PathTaskProgress while it runs a
// task and once when it ends.
type TaskProgress struct {
	Done  int `json:"done"`  // hosts finished
	Total int `json:"total"` // hosts in the task
	Found int `json:"found"` // devices reported so far
	// Finished is set on the last post of a task.
	Finished bool `json:"finished,omitempty"`
	// Error says why the task stopped early, "" when it ran to its end.
	Error string `json:"error,omitempty"`
}

// InventoryResponse is the answer to an accepted POST PathInventory.
type InventoryResponse struct {
	// AssetID is the collector's ID of the asset the report updated.
	AssetID string `json:"asset_id"`
	// Duplicate is true when the same report ID had already been stored.
	Duplicate bool `json:"duplicate,omitempty"`
}

// Error is the JSON body of every 4xx and 5xx answer.
type Error struct {
	// Error says what went wrong and what to do, for a person.
	Error string `json:"error"`
	// Fields lists invalid fields of a refused report or request.
	Fields []FieldError `json:"fields,omitempty"`
}

// FieldError names one invalid field and why.
type FieldError struct {
	Field  string `json:"field"`  // JSON path, e.g. "content.softwares[3].name"
	Reason string `json:"reason"` // e.g. "is required"
}
