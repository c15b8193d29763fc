package apiserver

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/parcproject/parc/pkg/api"
	"github.com/parcproject/parc/pkg/inventory"
)

// writeJSON encodes v into a buffer first, so an encoding failure still
// gives a clean 500.
func writeJSON(w http.ResponseWriter, code int, v any) {
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(v); err != nil {
		http.Error(w, `{"error":"internal error"}`, http.StatusInternalServerError)
		return
	}
	writeRaw(w, code, buf.Bytes())
}

func writeRaw(w http.ResponseWriter, code int, body []byte) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(body)
}

func writeError(w http.ResponseWriter, code int, msg string, fields []api.FieldError) {
	writeJSON(w, code, api.Error{Error: msg, Fields: fields})
}

// fieldErrors converts a validation error for the wire.
func fieldErrors(err error) ([]api.FieldError, bool) {
	var ve *inventory.ValidationError
	if !errors.As(err, &ve) {
		return nil, false
	}
	out := make([]api.FieldError, len(ve.Errors))
	for i, fe := range ve.Errors {
		out[i] = api.FieldError{Field: fe.Field, Reason: fe.Reason}
	}
	return out, true
}

// decodeSmall reads a small JSON request body (at most maxSmallBody
// bytes) into v.
func decodeSmall(w http.ResponseWriter, r *http.Request, v any) error {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxSmallBody))
	if err != nil {
		return fmt.Errorf("read request: %w", err)
	}
	if err := json.Unmarshal(body, v); err != nil {
		return fmt.Errorf("request is not valid JSON: %w", err)
	}
	return nil
}
