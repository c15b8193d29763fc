package apiserver

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-chi/chi/v5"

	"github.com/parcproject/parc/collector/store"
	"github.com/parcproject/parc/pkg/api"
)

// PathLicences is the REST API's software licences.
const PathLicences = "/api/v1/licences"

// LicenceJSON is a licence with the use of its software.
type LicenceJSON struct {
	ID            int64      `json:"id"`
	SoftwareID    int64      `json:"software_id"`
	SoftwareName  string     `json:"software_name"`
	Name          string     `json:"name"`
	Seats         int        `json:"seats"`
	ExpiresOn     string     `json:"expires_on"`
	Comment       string     `json:"comment"`
	Expired       bool       `json:"expired"`
	Used          int        `json:"used"`
	SoftwareSeats int        `json:"software_seats"`
	Over          bool       `json:"over"`
	CreatedAt     *time.Time `json:"created_at"`
}

// LicenceListJSON is GET /api/v1/licences.
type LicenceListJSON struct {
	Total int           `json:"total"`
	Items []LicenceJSON `json:"items"`
}

// LicenceInput is the body of POST /api/v1/licences.
type LicenceInput struct {
	SoftwareID int64  `json:"software_id"`
	Name       string `json:"name"`
	Seats      int    `json:"seats"`
	ExpiresOn  string `json:"expires_on"`
	Comment    string `json:"comment"`
}

// licenceRoutes mounts the licences: observers read them, technicians
// and above record and remove them. r already authenticates the token.
func (s *Server) licenceRoutes(r chi.Router) {
	r.With(requireRole(store.RoleObserver)).Get(PathLicences, s.listLicences)
	r.With(requireRole(store.RoleTechnician)).Post(PathLicences, s.createLicence)
	r.With(requireRole(store.RoleTechnician)).Delete(PathLicences+"/{id}", s.deleteLicence)
}

// today is the day licence expiry is judged on, in UTC like every date
// of the store.
func today() string { return time.Now().UTC().Format(time.DateOnly) }

func licenceJSON(u store.LicenceUsage, day string) LicenceJSON {
	return LicenceJSON{ID: u.ID, SoftwareID: u.SoftwareID, SoftwareName: u.SoftwareName, Name: u.Name, Seats: u.Seats,
		ExpiresOn: u.ExpiresOn, Comment: u.Comment, Expired: u.Expired(day), Used: u.Used,
		SoftwareSeats: u.SoftwareSeats, Over: u.Over, CreatedAt: optTime(u.CreatedAt)}
}

// listLicences answers every licence (filters: software, over=true for
// the over-used ones only).
func (s *Server) listLicences(w http.ResponseWriter, r *http.Request) {
	p := &params{v: r.URL.Query()}
	sw, overOnly := p.id("software"), p.boolean("over")
	if p.err != nil {
		writeError(w, http.StatusBadRequest, "invalid query parameter "+p.err.Name, p.err.fields())
		return
	}
	lq, err := store.Licences(s.st)
	if err != nil {
		s.internalError(w, "REST licences", err)
		return
	}
	day := today()
	us, err := lq.LicenceUsages(r.Context(), sw, day)
	if err != nil {
		s.internalError(w, "REST list licences", err)
		return
	}
	out := LicenceListJSON{Items: []LicenceJSON{}}
	for _, u := range us {
		if !overOnly || u.Over {
			out.Items = append(out.Items, licenceJSON(u, day))
		}
	}
	out.Total = len(out.Items)
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) createLicence(w http.ResponseWriter, r *http.Request) {
	var in LicenceInput
	if err := decodeSmall(w, r, &in); err != nil {
		writeError(w, http.StatusBadRequest, err.Error(), nil)
		return
	}
	if fields := in.validate(); len(fields) > 0 {
		writeError(w, http.StatusBadRequest, "invalid licence", fields)
		return
	}
	lq, err := store.Licences(s.st)
	if err != nil {
		s.internalError(w, "REST licences", err)
		return
	}
	ctx := r.Context()
	l := &store.Licence{SoftwareID: in.SoftwareID, Name: strings.TrimSpace(in.Name), Seats: in.Seats,
		ExpiresOn: in.ExpiresOn, Comment: in.Comment}
	err = lq.CreateLicence(ctx, l)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusBadRequest, "invalid licence", []api.FieldError{{Field: "software_id", Reason: "no such software"}})
		return
	}
	if err != nil {
		s.internalError(w, "REST create licence", err)
		return
	}
	s.log.Info("licence created", "licence_id", l.ID, "software_id", l.SoftwareID, "seats", l.Seats, "by", userFrom(r).Login)
	day := today()
	us, err := lq.LicenceUsages(ctx, l.SoftwareID, day)
	if err != nil {
		s.internalError(w, "REST licence usage", err)
		return
	}
	for _, u := range us {
		if u.ID == l.ID {
			w.Header().Set("Location", PathLicences+"/"+strconv.FormatInt(l.ID, 10))
			writeJSON(w, http.StatusCreated, licenceJSON(u, day))
			return
		}
	}
	s.internalError(w, "REST create licence", errors.New("created licence not listed"))
}

// validate names each wrong field of a licence.
func (in *LicenceInput) validate() []api.FieldError {
	var out []api.FieldError
	bad := func(field, reason string) { out = append(out, api.FieldError{Field: field, Reason: reason}) }
	if in.SoftwareID <= 0 {
		bad("software_id", "is required: the ID of a software of the catalogue")
	}
	if n := strings.TrimSpace(in.Name); n == "" || utf8.RuneCountInString(n) > 255 {
		bad("name", "is required, at most 255 characters")
	}
	if in.Seats < 0 {
		bad("seats", "must be 0 or more")
	}
	if in.ExpiresOn != "" {
		if _, err := time.Parse(time.DateOnly, in.ExpiresOn); err != nil {
			bad("expires_on", `must be a YYYY-MM-DD date, or "" for a perpetual licence`)
		}
	}
	if utf8.RuneCountInString(in.Comment) > 4000 {
		bad("comment", "at most 4000 characters")
	}
	return out
}

func (s *Server) deleteLicence(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	lq, err := store.Licences(s.st)
	if err != nil {
		s.internalError(w, "REST licences", err)
		return
	}
	err = lq.DeleteLicence(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		writeError(w, http.StatusNotFound, "no licence "+strconv.FormatInt(id, 10), nil)
		return
	}
	if err != nil {
		s.internalError(w, "REST delete licence", err)
		return
	}
	s.log.Info("licence deleted", "licence_id", id, "by", userFrom(r).Login)
	w.WriteHeader(http.StatusNoContent)
}
