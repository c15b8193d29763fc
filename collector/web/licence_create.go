package web

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// maxSeats bounds a licence's seats: more is a typing mistake.
const maxSeats = 10_000_000

// licenceCreate records a licence from the form of the licences page;
// wrong fields are named on the form, which keeps what was typed.
func (s *Server) licenceCreate(w http.ResponseWriter, r *http.Request) {
	f := licenceForm{
		Name:      strings.TrimSpace(r.PostForm.Get("name")),
		Seats:     strings.TrimSpace(r.PostForm.Get("seats")),
		ExpiresOn: strings.TrimSpace(r.PostForm.Get("expires_on")),
		Comment:   strings.TrimSpace(r.PostForm.Get("comment")),
		// The search that narrowed the software offered, to offer the
		// same choice if the form comes back.
		SoftwareQuery: strings.TrimSpace(r.PostForm.Get("sw")),
	}
	l, ok := f.parse(state(r).lang, r.PostForm.Get("software"))
	if !ok {
		s.renderLicences(w, r, http.StatusBadRequest, f)
		return
	}
	lq, err := store.Licences(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	err = lq.CreateLicence(r.Context(), l)
	if errors.Is(err, store.ErrNotFound) {
		f.Errors = map[string]string{"software": i18n.T(state(r).lang, "licence.bad_software")}
		s.renderLicences(w, r, http.StatusBadRequest, f)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("licence created", "licence_id", l.ID, "software_id", l.SoftwareID, "seats", l.Seats, "by", actor(r))
	redirect(w, r, "/licences")
}

// parse checks the posted form, filling f.Errors with a translated
// message per wrong field; ok is false when there is any.
func (f *licenceForm) parse(lang, software string) (l *store.Licence, ok bool) {
	f.Errors = map[string]string{}
	bad := func(field, key string) { f.Errors[field] = i18n.T(lang, key) }
	id, err := strconv.ParseInt(strings.TrimSpace(software), 10, 64)
	if err != nil || id <= 0 {
		bad("software", "licence.bad_software")
	}
	f.SoftwareID = id
	if f.Name == "" || utf8.RuneCountInString(f.Name) > 255 {
		bad("name", "licence.bad_name")
	}
	seats, err := strconv.Atoi(f.Seats)
	if err != nil || seats < 0 || seats > maxSeats {
		bad("seats", "licence.bad_seats")
	}
	if f.ExpiresOn != "" {
		if _, err := time.Parse(time.DateOnly, f.ExpiresOn); err != nil {
			bad("expires_on", "licence.bad_expires")
		}
	}
	if utf8.RuneCountInString(f.Comment) > 4000 {
		bad("comment", "licence.bad_comment")
	}
	if len(f.Errors) > 0 {
		return nil, false
	}
	return &store.Licence{SoftwareID: id, Name: f.Name, Seats: seats, ExpiresOn: f.ExpiresOn, Comment: f.Comment}, true
}
