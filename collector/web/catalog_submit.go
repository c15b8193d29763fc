package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"mime/multipart"
	"net/http"

	"github.com/parcproject/parc/collector/forms"
	"github.com/parcproject/parc/collector/helpdesk"
	"github.com/parcproject/parc/collector/i18n"
	"github.com/parcproject/parc/collector/store"
)

// upload is a file answered to a form, checked and read.
type upload struct {
	name, mime, sum string
	data            []byte
}

// catalogSubmit checks a submission and creates its ticket; errors show
// the form again with the answers given and each problem under its
// question.
func (s *Server) catalogSubmit(w http.ResponseWriter, r *http.Request) {
	ctx, lang := r.Context(), state(r).lang
	if r.MultipartForm != nil {
		defer r.MultipartForm.RemoveAll()
	}
	sf, def, err := s.offeredForm(ctx, r)
	if err != nil {
		s.formError(w, r, err)
		return
	}
	ch, err := s.formChoices(ctx, r, def)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	limit, err := s.uploadLimit(ctx)
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	answers := forms.ParseAnswers(def, r.PostForm)
	files, fileErrs := readFormFiles(r, def, answers, limit)
	kept, errs := forms.ValidateAnswers(def, answers, ch.Opts)
	errs = mergeErrors(def, errs, fileErrs, forms.Visible(def, answers))
	for k := range files {
		if _, ok := kept[k]; !ok {
			delete(files, k) // a hidden question's file is not kept either
		}
	}
	if len(errs) > 0 {
		s.renderForm(w, r, http.StatusBadRequest, newFormView(lang, sf.ID, def, ch, answers, errs))
		return
	}
	var id int64
	err = s.st.WithTx(ctx, func(q store.Queries) error {
		var err error
		id, err = s.createFormTicket(ctx, r, q, formSubmission{sf: sf, def: def, kept: kept, opts: ch.Opts, files: files})
		return err
	})
	if errors.Is(err, store.ErrNoApprover) {
		// The form names an approver who has left: the user cannot fix
		// that, so say whom to tell, and keep their answers.
		s.log.Warn("form approver unavailable", "form", sf.ID, "err", err)
		v := newFormView(lang, sf.ID, def, ch, answers, nil)
		v.Errors = append(v.Errors, i18n.T(lang, "forms.err_no_approver"))
		s.renderForm(w, r, http.StatusConflict, v)
		return
	}
	if err != nil {
		s.serverError(w, r, err)
		return
	}
	s.log.Info("form submitted", "form", sf.ID, "ticket", id, "user", actor(r))
	redirect(w, r, ticketURL(id))
}

// readFormFiles reads the files of the form's file questions, records
// their names as the answers (so "mandatory" applies) and checks them
// with the ticket document rules.
func readFormFiles(r *http.Request, def *forms.Form, answers forms.Answers, limit int64) (map[string][]upload, []forms.AnswerError) {
	out := map[string][]upload{}
	var errs []forms.AnswerError
	for _, q := range def.Questions() {
		if q.Type != forms.TypeFile {
			continue
		}
		delete(answers, q.Key) // only real uploads count, not a text field of that name
		if r.MultipartForm == nil {
			continue
		}
		for _, hdr := range r.MultipartForm.File[forms.FieldPrefix+q.Key] {
			if hdr.Size == 0 && hdr.Filename == "" {
				continue
			}
			u, code := readUpload(hdr.Filename, hdr.Open, limit)
			if code != "" {
				errs = append(errs, forms.AnswerError{Key: q.Key, Code: code})
				break
			}
			out[q.Key] = append(out[q.Key], u)
			answers[q.Key] = append(answers[q.Key], u.name)
		}
	}
	return out, errs
}

func readUpload(filename string, open func() (multipart.File, error), limit int64) (upload, string) {
	f, err := open()
	if err != nil {
		return upload{}, "file_type"
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return upload{}, "file_type"
	}
	if int64(len(data)) > limit {
		return upload{}, "file_size"
	}
	name := helpdesk.CleanFilename(filename)
	mime, err := helpdesk.SniffDocument(name, data)
	if err != nil || len(data) == 0 {
		return upload{}, "file_type"
	}
	sum := sha256.Sum256(data)
	return upload{name: name, mime: mime, sum: hex.EncodeToString(sum[:]), data: data}, ""
}

// mergeErrors adds the file errors to the answers' errors, in question
// order, one per question; a hidden question's file errors are dropped.
func mergeErrors(def *forms.Form, errs, more []forms.AnswerError, visible map[string]bool) []forms.AnswerError {
	if len(more) == 0 {
		return errs
	}
	byKey := map[string]forms.AnswerError{}
	for _, e := range append(more, errs...) {
		if _, ok := byKey[e.Key]; !ok && visible[e.Key] {
			byKey[e.Key] = e
		}
	}
	var out []forms.AnswerError
	for _, q := range def.Questions() {
		if e, ok := byKey[q.Key]; ok {
			out = append(out, e)
		}
	}
	return out
}
