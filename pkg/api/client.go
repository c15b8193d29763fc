package api

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"time"
)

// ClientOptions configures a Client.
type ClientOptions struct {
	// Server is the collector's base URL, e.g. "https://parc.mairie.fr".
	Server string
	// Version is the agent's version, sent in HeaderAgentVersion and the
	// User-Agent "Parc-Agent/<version>".
	Version string
	// Timeout bounds one exchange; 0 means 60 seconds.
	Timeout time.Duration
	// CAFile is a PEM bundle trusted besides the system roots.
	CAFile string
	// InsecureSkipVerify turns off certificate checks (tests only).
	InsecureSkipVerify bool
	// Proxy is an HTTP proxy URL; "" means HTTPS_PROXY/HTTP_PROXY/NO_PROXY.
	Proxy string
}

// Client speaks the agent API to one collector. It does not retry: the
// agent's spool decides when to send again, and the report ID header makes
// a resend safe.
type Client struct {
	base    *url.URL
	hc      *http.Client
	version string
}

// maxAnswer bounds how much of an answer is read; answers are small.
const maxAnswer = 1 << 20

// NewClient checks the options and builds a Client.
func NewClient(o ClientOptions) (*Client, error) {
	base, err := url.Parse(strings.TrimRight(o.Server, "/"))
	if err != nil || (base.Scheme != "http" && base.Scheme != "https") || base.Host == "" {
		return nil, fmt.Errorf("collector URL: want a URL such as \"https://parc.example.org\", got %q", o.Server)
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: o.InsecureSkipVerify}
	if o.CAFile != "" {
		pool, err := loadCA(o.CAFile)
		if err != nil {
			return nil, err
		}
		tr.TLSClientConfig.RootCAs = pool
	}
	tr.Proxy = http.ProxyFromEnvironment
	if o.Proxy != "" {
		pu, err := url.Parse(o.Proxy)
		if err != nil || pu.Host == "" {
			return nil, fmt.Errorf("proxy: want a URL such as \"http://proxy:3128\", got %q", o.Proxy)
		}
		tr.Proxy = http.ProxyURL(pu)
	}
	timeout := o.Timeout
	if timeout <= 0 {
		timeout = 60 * time.Second
	}
	version := o.Version
	if version == "" {
		version = "dev"
	}
	return &Client{base: base, hc: &http.Client{Transport: tr, Timeout: timeout}, version: version}, nil
}

func loadCA(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("tls_ca_file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("tls_ca_file %s: want PEM certificates (-----BEGIN CERTIFICATE-----), found none", path)
	}
	return pool, nil
}

// Server is the collector's base URL, as given.
func (c *Client) Server() string { return c.base.String() }

// Enroll exchanges the site secret for this agent's own token.
func (c *Client) Enroll(ctx context.Context, req EnrollRequest) (*EnrollResponse, error) {
	var out EnrollResponse
	if err := c.postJSON(ctx, PathEnroll, "", req, &out); err != nil {
		return nil, err
	}
	if out.Token == "" {
		return nil, fmt.Errorf("enroll at %s: the collector answered without a token", c.base)
	}
	return &out, nil
}

// Contact asks the collector what to send.
func (c *Client) Contact(ctx context.Context, token string, req ContactRequest) (*ContactResponse, error) {
	var out ContactResponse
	if err := c.postJSON(ctx, PathContact, token, req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SendInventory posts one report. body is the report's JSON, already
// gzip-compressed (as the spool stores it, see GzipJSON); reportID is the
// report's ID, the same on every resend.
func (c *Client) SendInventory(ctx context.Context, token, reportID string, body []byte) (*InventoryResponse, error) {
	hdr := http.Header{}
	hdr.Set("Content-Encoding", "gzip")
	hdr.Set(HeaderReportID, reportID)
	var out InventoryResponse
	if err := c.do(ctx, PathInventory, token, hdr, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// SendTaskReport posts one device report of a network task: like
// SendInventory, with HeaderTaskID set to taskID so the collector accepts a
// report about another device than the agent's own computer.
func (c *Client) SendTaskReport(ctx context.Context, token, taskID, reportID string, body []byte) (*InventoryResponse, error) {
	if taskID == "" {
		return nil, fmt.Errorf("send task report: task ID is empty")
	}
	hdr := http.Header{}
	hdr.Set("Content-Encoding", "gzip")
	hdr.Set(HeaderReportID, reportID)
	hdr.Set(HeaderTaskID, taskID)
	var out InventoryResponse
	if err := c.do(ctx, PathInventory, token, hdr, body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// PostTaskProgress reports how far a network task got; the last post of a
// task has Finished set.
func (c *Client) PostTaskProgress(ctx context.Context, token, taskID string, p TaskProgress) error {
	if taskID == "" {
		return fmt.Errorf("post task progress: task ID is empty")
	}
	return c.postJSON(ctx, TaskProgressPath(taskID), token, p, nil)
}

// TaskProgressPath is PathTaskProgress for one task, its ID escaped.
func TaskProgressPath(taskID string) string {
	return strings.Replace(PathTaskProgress, "{id}", url.PathEscape(taskID), 1)
}

func (c *Client) postJSON(ctx context.Context, path, token string, in, out any) error {
	body, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return c.do(ctx, path, token, http.Header{}, body, out)
}

func (c *Client) do(ctx context.Context, path, token string, hdr http.Header, body []byte, out any) error {
	req, err := c.newRequest(ctx, http.MethodPost, path, token, hdr, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return &NetError{Server: c.base.String(), Err: err}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer))
	if err != nil {
		return &NetError{Server: c.base.String(), Err: fmt.Errorf("read answer: %w", err)}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return newStatusError(path, resp, data)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("collector at %s answered %s with something that is not the expected JSON (is server the collector's URL?): %w", c.base, path, err)
	}
	return nil
}

// newRequest builds a request to path with the agent's headers: version,
// User-Agent and, when token is set, the bearer token.
func (c *Client) newRequest(ctx context.Context, method, path, token string, hdr http.Header, body io.Reader) (*http.Request, error) {
	u := c.base.JoinPath(path).String()
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, fmt.Errorf("request %s: %w", u, err)
	}
	req.Header = hdr
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "Parc-Agent/"+c.version)
	req.Header.Set(HeaderAgentVersion, c.version)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return req, nil
}

// GzipJSON encodes v as JSON and compresses it, the body SendInventory wants.
func GzipJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return nil, fmt.Errorf("encode report: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress report: %w", err)
	}
	return buf.Bytes(), nil
}
