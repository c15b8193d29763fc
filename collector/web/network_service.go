package web

import (
	"context"
	"net/http"

	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/snmp"
)

func init() {
	pageNames = append(pageNames, "network_jobs", "network_job_form", "network_run", "network_credentials", "network_sysobject")
}

// NetworkService is network discovery as the web UI uses it;
// collector/snmppoll.Service implements it.
type NetworkService interface {
	Jobs(ctx context.Context) ([]store.SNMPJob, error)
	GetJob(ctx context.Context, id int64) (*store.SNMPJob, error)
	// SaveJob returns snmppoll.FieldErrors for wrong fields.
	SaveJob(ctx context.Context, j *store.SNMPJob) error
	DeleteJob(ctx context.Context, id int64) error
	RunNow(ctx context.Context, jobID int64) (int64, error)
	Runs(ctx context.Context, jobID int64, limit int) ([]store.SNMPRun, error)
	Run(ctx context.Context, id int64) (*store.SNMPRun, error)
	// CancelRun cancels a queued or running run in who's name; it returns
	// snmppoll.ErrFinished for a run that has ended.
	CancelRun(ctx context.Context, runID int64, who string) error
	// SysObjectIDsInfo describes the sysobject.ids discovery uses.
	SysObjectIDsInfo(ctx context.Context) (snmppoll.SysObjectInfo, error)
	// UploadSysObjectIDs checks and installs a sysobject.ids for every
	// collector of the site; the error names the first bad line.
	UploadSysObjectIDs(ctx context.Context, data []byte, who string) (snmppoll.SysObjectInfo, error)
	Results(ctx context.Context, runID int64) ([]store.SNMPResult, error)
	ImportResult(ctx context.Context, resultID int64) (int64, error)
	Credentials(ctx context.Context) ([]store.SNMPCredential, error)
	// CreateCredential returns snmppoll.FieldErrors for wrong fields.
	CreateCredential(ctx context.Context, name string, c snmp.Credential) (*store.SNMPCredential, error)
	DeleteCredential(ctx context.Context, id int64) error
}

// network returns the discovery service, or answers that discovery is not
// enabled (a collector built without it, some tests) and returns nil.
func (s *Server) network(w http.ResponseWriter, r *http.Request) NetworkService {
	if s.opts.Network == nil {
		s.errorPage(w, r, http.StatusNotFound, "snmp.disabled")
		return nil
	}
	return s.opts.Network
}

// credentialNames maps credential IDs to names, for lists.
func credentialNames(cs []store.SNMPCredential) map[int64]string {
	out := make(map[int64]string, len(cs))
	for _, c := range cs {
		out[c.ID] = c.Name
	}
	return out
}
