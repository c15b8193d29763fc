package snmp

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/gosnmp/gosnmp"
)

// Errors a session returns, wrapped with the host and the credential. Test
// them with errors.Is.
var (
	// ErrNoResponse means the host did not answer in time: nothing listens,
	// a firewall drops the request, or (v1/v2c) the community is wrong,
	// since agents drop requests with an unknown community silently.
	ErrNoResponse = errors.New("no SNMP response")
	// ErrAuth means a v3 agent answered but refused the credential: unknown
	// user, wrong auth passphrase or protocol, wrong privacy passphrase or
	// unsupported security level. The wrapped text says which.
	ErrAuth = errors.New("SNMPv3 credential refused")
	// ErrTableTooLarge means a walk stopped at Options.MaxRows rows.
	ErrTableTooLarge = errors.New("table larger than the configured maximum")
	// ErrWalkLoop means a device answered a walk with OIDs that do not
	// increase, with GETBULK and GETNEXT alike.
	ErrWalkLoop = errors.New("device answers a walk with non-increasing OIDs")
)

// AuthError is a v3 refusal; errors.Is(err, ErrAuth) holds.
type AuthError struct {
	Host, Cred string
	Why        string // "unknown user name", "wrong auth passphrase or protocol"...
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("snmp %s with %s: %s: %v", e.Host, e.Cred, e.Why, ErrAuth)
}

// Is makes errors.Is(err, ErrAuth) true.
func (e *AuthError) Is(target error) bool { return target == ErrAuth }

// diagnoseV3 tells an unknown user from a wrong passphrase by asking with
// no authentication: the agent then reports an unknown user, or a
// security level the user may not use.
func (s *Session) diagnoseV3(ctx context.Context) string {
	const wrong = "wrong auth passphrase or protocol"
	probe := Credential{Version: "3", Username: s.cred.Username, ContextName: s.cred.ContextName}
	g := &gosnmp.GoSNMP{Target: s.g.Target, Port: s.g.Port, Transport: "udp", Context: ctx,
		Timeout: s.opts.Timeout, Retries: 0}
	probe.apply(g)
	if err := g.Connect(); err != nil {
		return wrong
	}
	defer g.Conn.Close()
	if _, err := g.Get([]string{oidSysObjectID}); errors.Is(err, gosnmp.ErrUnknownUsername) {
		return "unknown user name"
	}
	return wrong
}

// Options tunes sessions. The zero value is usable: Defaults fills it.
type Options struct {
	// Port is the UDP port when the host does not name one; default 161.
	Port uint16
	// Timeout is the wait for one answer; default 1 s.
	Timeout time.Duration
	// Retries is how many times a request is re-sent after a timeout.
	Retries int
	// MaxRepetitions is the GETBULK max-repetitions; default 25.
	MaxRepetitions uint32
	// MaxRows caps the rows of one walk; default 200000.
	MaxRows int
	// Logger receives debug messages; default slog.Default().
	Logger *slog.Logger
}

// Defaults returns o with every unset field given its default.
func (o Options) Defaults() Options {
	if o.Port == 0 {
		o.Port = 161
	}
	if o.Timeout <= 0 {
		o.Timeout = time.Second
	}
	if o.Retries < 0 {
		o.Retries = 0
	}
	if o.MaxRepetitions == 0 {
		o.MaxRepetitions = 25
	}
	if o.MaxRows <= 0 {
		o.MaxRows = 200000
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Reader is what device logic needs from a session: single values and
// whole subtrees. *Session implements it.
type Reader interface {
	// Get reads the given OIDs; absent ones are missing from the result.
	Get(ctx context.Context, oids ...string) (Vars, error)
	// Walk reads the subtree below root, keyed by the suffix after root.
	Walk(ctx context.Context, root string) (Table, error)
}

// Vars maps an OID (with a leading dot) to its variable.
type Vars map[string]gosnmp.SnmpPDU

// Session talks to one host with one credential. It is not safe for
// concurrent use: give each worker its own.
type Session struct {
	host   string
	cred   Credential
	opts   Options
	g      *gosnmp.GoSNMP
	noBulk bool // set once the device mishandled a GETBULK
	// answered is set once the device answered a request: a request
	// lost afterwards is not a host that is not there.
	answered bool
	// sent counts the datagrams sent, retries included.
	sent int
	// got counts the variables received, the work a device did.
	got int
	// walks keeps complete walks during an inventory (walkcache.go).
	walks map[string]Table
	// columnRows is the row count of the last column walked in each
	// table entry during an inventory (walkcache.go).
	columnRows map[string]int
	log        *slog.Logger
}

// Dial opens a session to host ("10.0.0.5", "10.0.0.5:1161", "[2001:db8::5]:161"
// or a bare IPv6 address). UDP has no handshake, so Dial only fails on a
// bad address or credential; the first request tells whether anyone answers.
func Dial(ctx context.Context, host string, cred Credential, opts Options) (*Session, error) {
	if err := cred.Validate(); err != nil {
		return nil, err
	}
	opts = opts.Defaults()
	addr, port, err := splitHostPort(host, opts.Port)
	if err != nil {
		return nil, err
	}
	g := &gosnmp.GoSNMP{
		Target:             addr,
		Port:               port,
		Transport:          "udp",
		Context:            ctx,
		Timeout:            opts.Timeout,
		Retries:            opts.Retries,
		MaxOids:            gosnmp.MaxOids,
		MaxRepetitions:     opts.MaxRepetitions,
		ExponentialTimeout: false,
	}
	cred.apply(g)
	if err := g.Connect(); err != nil {
		return nil, fmt.Errorf("snmp %s: open socket: %w", host, err)
	}
	s := &Session{host: net.JoinHostPort(addr, strconv.Itoa(int(port))), cred: cred, opts: opts, g: g,
		noBulk: cred.Version == "1", log: opts.Logger.With("component", "snmp", "host", host)}
	g.OnSent = func(*gosnmp.GoSNMP) { s.sent++ }
	return s, nil
}

// Requests returns how many requests the session has sent, retries
// included: the cost a device and the network see.
func (s *Session) Requests() int { return s.sent }

// Variables returns how many variables the device has sent in answers:
// the work it did for the session.
func (s *Session) Variables() int { return s.got }

func splitHostPort(host string, def uint16) (string, uint16, error) {
	if h, p, err := net.SplitHostPort(host); err == nil {
		n, err := strconv.ParseUint(p, 10, 16)
		if err != nil || n == 0 {
			return "", 0, fmt.Errorf("snmp: bad port in %q", host)
		}
		return h, uint16(n), nil
	}
	h := strings.Trim(host, "[]")
	if h == "" {
		return "", 0, fmt.Errorf("snmp: empty host")
	}
	return h, def, nil
}

// Host returns "address:port" of the session.
func (s *Session) Host() string { return s.host }

// Credential returns the credential the session uses.
func (s *Session) Credential() Credential { return s.cred }

// Close releases the socket.
func (s *Session) Close() error {
	if s.g.Conn == nil {
		return nil
	}
	return s.g.Conn.Close()
}

// WithCredential opens a sibling session to the same host with another
// credential, such as a Cisco per-VLAN community.
func (s *Session) WithCredential(ctx context.Context, cred Credential) (*Session, error) {
	return Dial(ctx, s.host, cred, s.opts)
}

// Get reads oids, in requests of at most 32 OIDs. OIDs the device does not
// have are left out of the result.
func (s *Session) Get(ctx context.Context, oids ...string) (Vars, error) {
	out := make(Vars, len(oids))
	const chunk = 32
	for i := 0; i < len(oids); i += chunk {
		end := min(i+chunk, len(oids))
		if err := s.getChunk(ctx, oids[i:end], out); err != nil {
			return out, err
		}
	}
	return out, nil
}

func (s *Session) getChunk(ctx context.Context, oids []string, out Vars) error {
	norm := make([]string, len(oids))
	for i, o := range oids {
		norm[i] = normOID(o)
	}
	sent, got := s.sent, s.got
	pkt, err := s.request(ctx, func() (*gosnmp.SnmpPacket, error) { return s.g.Get(norm) })
	s.log.Debug("get", "first", norm[0], "oids", len(norm), "requests", s.sent-sent, "variables", s.got-got)
	if err != nil {
		return err
	}
	if pkt.Error != gosnmp.NoError {
		// v1 fails the whole request when one OID is unknown (noSuchName):
		// ask again one by one.
		if len(norm) == 1 {
			return nil
		}
		for _, o := range norm {
			if err := s.getChunk(ctx, []string{o}, out); err != nil {
				return err
			}
		}
		return nil
	}
	for _, v := range pkt.Variables {
		if !absent(v) {
			out[normOID(v.Name)] = v
		}
	}
	return nil
}

// request runs one gosnmp call under ctx and classifies its error.
func (s *Session) request(ctx context.Context, call func() (*gosnmp.SnmpPacket, error)) (*gosnmp.SnmpPacket, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.g.Context = ctx
	// gosnmp reads ctx only between tries: a cancelled sweep would wait
	// out every pending timeout. Expiring the socket's deadline ends the
	// wait at once.
	stop := context.AfterFunc(ctx, func() { _ = s.g.Conn.SetDeadline(time.Now()) })
	pkt, err := call()
	stop()
	if err != nil {
		return nil, s.classify(ctx, err)
	}
	if pkt == nil {
		return nil, fmt.Errorf("snmp %s: empty answer: %w", s.host, ErrNoResponse)
	}
	s.answered = true
	s.got += len(pkt.Variables)
	return pkt, nil
}

// classify turns gosnmp's errors into the package's sentinels with a
// message that tells an administrator what to check.
func (s *Session) classify(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	why := ""
	switch {
	case errors.Is(err, gosnmp.ErrUnknownUsername):
		why = "unknown user name"
	case errors.Is(err, gosnmp.ErrWrongDigest):
		why = "wrong auth passphrase or protocol"
	case errors.Is(err, gosnmp.ErrDecryption):
		why = "wrong privacy passphrase or protocol"
	case errors.Is(err, gosnmp.ErrUnknownSecurityLevel):
		why = "security level not allowed for this user"
	case errors.Is(err, gosnmp.ErrNotInTimeWindow), errors.Is(err, gosnmp.ErrUnknownEngineID):
		why = "engine time or ID mismatch"
	}
	msg := err.Error()
	if why == "" && strings.Contains(msg, "not authentic") {
		// net-snmp sends its refusal reports without authentication, and
		// gosnmp drops them as not authentic: ask again without auth to
		// learn whether the user exists at all.
		why = s.diagnoseV3(ctx)
	}
	if why != "" {
		return &AuthError{Host: s.host, Cred: s.cred.String(), Why: why}
	}
	if strings.Contains(msg, "timeout") || strings.Contains(msg, "refused") || strings.Contains(msg, "max retries") {
		return fmt.Errorf("snmp %s with %s: %w (after %d retries of %s)", s.host, s.cred, ErrNoResponse, s.opts.Retries, s.opts.Timeout)
	}
	return fmt.Errorf("snmp %s with %s: %w", s.host, s.cred, err)
}
