package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/jobs"
	"github.com/parcproject/parc/collector/snmppoll"
	"github.com/parcproject/parc/collector/store"
)

// credentialSlots is how many ordered credential choices the form offers.
const credentialSlots = 3

// jobForm is the job form as shown or posted, with a translated message
// per wrong field.
type jobForm struct {
	ID          int64
	Name        string
	Targets     string   // one per line
	Credentials []string // credential IDs in order, "" for an unused slot
	Mode        string   // "manual", "hours" or "daily"
	EveryHours  string
	DailyAt     string // "HH:MM"
	Workers     string
	Timeout     string // milliseconds
	Retries     string
	Port        string
	Agent       string // agent ID, "" for this collector
	AutoImport  bool
	Errors      map[string]string
}

type jobFormData struct {
	Form        jobForm
	Credentials []store.SNMPCredential
	Agents      []store.Agent
}

// newJobForm is the form of a new job, with the usual defaults.
func newJobForm() jobForm {
	return jobForm{Mode: "manual", EveryHours: "24", DailyAt: "02:00", Workers: "0", Timeout: "1000", Retries: "1",
		Port: "161", AutoImport: true, Credentials: make([]string, credentialSlots)}
}

// jobFormOf fills the form with a stored job.
func jobFormOf(j *store.SNMPJob) jobForm {
	f := newJobForm()
	f.ID, f.Name, f.Targets, f.AutoImport = j.ID, j.Name, strings.Join(j.Targets, "\n"), j.AutoImport
	f.Workers, f.Timeout = strconv.Itoa(j.Workers), strconv.Itoa(j.TimeoutMS)
	f.Retries, f.Port = strconv.Itoa(j.Retries), strconv.Itoa(j.Port)
	for i, id := range j.CredentialIDs {
		if i < credentialSlots {
			f.Credentials[i] = strconv.FormatInt(id, 10)
		}
	}
	if j.AgentID != 0 {
		f.Agent = strconv.FormatInt(j.AgentID, 10)
	}
	if sp, err := jobs.ParseSpec(j.Schedule); err == nil && sp.Every > 0 {
		f.Mode, f.EveryHours = "hours", strconv.Itoa(int(sp.Every/time.Hour))
	} else if err == nil {
		f.Mode, f.DailyAt = "daily", fmt.Sprintf("%02d:%02d", sp.Hour, sp.Minute)
	}
	return f
}

// readJobForm reads the posted form.
func readJobForm(r *http.Request) jobForm {
	v := func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }
	f := jobForm{Name: v("name"), Targets: v("targets"), Mode: v("mode"), EveryHours: v("every_hours"), DailyAt: v("daily_at"),
		Workers: v("workers"), Timeout: v("timeout"), Retries: v("retries"), Port: v("port"), Agent: v("agent"),
		AutoImport: r.PostForm.Get("auto_import") == "1"}
	for i := range credentialSlots {
		f.Credentials = append(f.Credentials, v(fmt.Sprintf("credential%d", i+1)))
	}
	return f
}

// job turns the form into a job; fields that do not parse are named in
// f.Errors (translated), the rest is checked by the service.
func (f *jobForm) job(lang string) *store.SNMPJob {
	f.Errors = map[string]string{}
	bad := func(field string) { f.Errors[field] = i18n.T(lang, "snmp.err_"+field) }
	num := func(field, s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			bad(field)
		}
		return n
	}
	j := &store.SNMPJob{ID: f.ID, Name: f.Name, AutoImport: f.AutoImport,
		Workers: num("workers", f.Workers), TimeoutMS: num("timeout", f.Timeout), Retries: num("retries", f.Retries), Port: num("port", f.Port)}
	for _, line := range strings.Split(f.Targets, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			j.Targets = append(j.Targets, line)
		}
	}
	seen := map[int64]bool{}
	for _, c := range f.Credentials {
		if c == "" {
			continue
		}
		id, err := strconv.ParseInt(c, 10, 64)
		if err != nil || id <= 0 || seen[id] {
			bad("credentials")
			continue
		}
		seen[id] = true
		j.CredentialIDs = append(j.CredentialIDs, id)
	}
	switch f.Mode {
	case "manual":
	case "hours":
		if h, err := strconv.Atoi(f.EveryHours); err != nil || h < 1 || h > 168 {
			bad("every_hours")
		} else {
			j.Schedule = fmt.Sprintf("every %dh", h)
		}
	case "daily":
		j.Schedule = "daily " + f.DailyAt
	default:
		bad("schedule")
	}
	if f.Agent != "" {
		id, err := strconv.ParseInt(f.Agent, 10, 64)
		if err != nil || id <= 0 {
			bad("agent")
		}
		j.AgentID = id
	}
	return j
}

// addFieldErrors translates the service's validation errors onto the form.
func (f *jobForm) addFieldErrors(lang string, errs snmppoll.FieldErrors) {
	for _, e := range errs {
		field := e.Field
		if field == "schedule" && f.Mode == "daily" {
			field = "daily_at"
		}
		if _, ok := f.Errors[field]; !ok {
			f.Errors[field] = i18n.T(lang, "snmp.err_"+field)
		}
	}
}

// renderJobForm shows the new or edit form of a job.
func (s *Server) renderJobForm(w http.ResponseWriter, r *http.Request, status int, f jobForm) {
	n := s.network(w, r)
	if n == nil {
		return
	}
	creds, err := n.Credentials(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	agents, err := s.st.ListAgents(r.Context())
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	title := "snmp.new_job"
	if f.ID != 0 {
		title = "snmp.edit_job"
	}
	s.render(w, r, status, "network_job_form", s.newPage(r, title, "network", jobFormData{Form: f, Credentials: creds, Agents: agents}))
}
