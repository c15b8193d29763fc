package web

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

func (s *Server) adminRecurrentCreate(w http.ResponseWriter, r *http.Request) {
	s.saveRecurrent(w, r, 0)
}

func (s *Server) adminRecurrentUpdate(w http.ResponseWriter, r *http.Request) {
	if pathID(r) == 0 {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	s.saveRecurrent(w, r, pathID(r))
}

// saveRecurrent checks and writes a recurrent ticket. A new one, or one
// whose schedule changed, starts at its first occurrence from now on;
// otherwise it keeps its next occurrence, so an edit never opens again a
// ticket the job already opened.
func (s *Server) saveRecurrent(w http.ResponseWriter, r *http.Request, id int64) {
	form := recurrentFormView{ID: id, Action: r.URL.Path, V: r.PostForm}
	rec, ferr := parseRecurrentForm(r.PostForm, time.Local)
	if ferr != nil {
		s.renderAdminRecurrent(w, r, http.StatusBadRequest, i18n.T(state(r).lang, ferr.Key, ferr.Args...), form)
		return
	}
	rec.ID = id
	err := s.st.WithTx(r.Context(), func(q store.Queries) error {
		rq, err := store.Recurrents(q)
		if err != nil {
			return err
		}
		rec.NextAt = firstOccurrence(rec, s.now())
		if id != 0 {
			old, err := rq.GetRecurrent(r.Context(), id)
			if err != nil {
				return err
			}
			if sameSchedule(old, rec) {
				rec.NextAt = old.NextAt
			}
			rec.CreatedAt = old.CreatedAt
		}
		return rq.SaveRecurrent(r.Context(), rec)
	})
	if errors.Is(err, store.ErrNotFound) || (err != nil && isForeignKeyError(err)) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("recurrent ticket saved", "recurrent_id", rec.ID, "name", rec.Name, "next_at", rec.NextAt, "by", actor(r))
	redirect(w, r, "/admin/recurrent/"+strconv.FormatInt(rec.ID, 10))
}

func (s *Server) adminRecurrentDelete(w http.ResponseWriter, r *http.Request) {
	rq, err := store.Recurrents(s.st)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	if err := rq.DeleteRecurrent(r.Context(), pathID(r)); errors.Is(err, store.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "error.not_found")
		return
	} else if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("recurrent ticket deleted", "recurrent_id", pathID(r), "by", actor(r))
	redirect(w, r, "/admin/recurrent")
}
