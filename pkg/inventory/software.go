package inventory

// Software is one installed package, program or update.
type Software struct {
	Arch            string `json:"arch,omitempty"`             // "amd64", "x86_64", "noarch", "x86" (WOW6432Node)
	Comments        string `json:"comments,omitempty"`         // one-line summary
	FileSize        int64  `json:"filesize,omitempty"`         // installed size in bytes
	From            string `json:"from,omitempty"`             // source: "deb", "rpm", "snap", "flatpak", "registry", "WUA"
	GUID            string `json:"guid,omitempty"`             // Windows product code, e.g. "{23170F69-40C1-2702-2301-000001000000}"
	InstallDate     string `json:"install_date,omitempty"`     // "YYYY-MM-DD" or "YYYY-MM-DD hh:mm:ss"
	Name            string `json:"name"`                       // e.g. "firefox-esr", "7-Zip 23.01 (x64)"
	Publisher       string `json:"publisher,omitempty"`        // maintainer or vendor, e.g. "Mozilla"
	SystemCategory  string `json:"system_category,omitempty"`  // e.g. "web", "Development/Libraries", "application"
	UninstallString string `json:"uninstall_string,omitempty"` // Windows
	URLInfoAbout    string `json:"url_info_about,omitempty"`   // homepage
	Version         string `json:"version,omitempty"`          // e.g. "115.5.0esr-1~deb12u1"
	Folder          string `json:"folder,omitempty"`           // install location
	HelpLink        string `json:"helplink,omitempty"`
	NoRemove        *bool  `json:"no_remove,omitempty"`
	ReleaseType     string `json:"release_type,omitempty"` // e.g. "Security Update" for a KB
	VersionMinor    string `json:"version_minor,omitempty"`
	VersionMajor    string `json:"version_major,omitempty"`
	Username        string `json:"username,omitempty"` // per-user install (HKU hive owner)
	UserID          string `json:"userid,omitempty"`   // SID of that user
}

// User is one logged-in user session.
type User struct {
	Domain string `json:"domain,omitempty"` // e.g. "MAIRIE"
	Login  string `json:"login,omitempty"`  // e.g. "jdupont"
}

// Antivirus is one security product.
type Antivirus struct {
	Company      string `json:"company,omitempty"` // e.g. "Microsoft Corporation"
	Enabled      *bool  `json:"enabled,omitempty"`
	GUID         string `json:"guid,omitempty"` // e.g. "{D68DDC3A-831F-4fae-9E44-DA132C1ACF46}"
	Name         string `json:"name,omitempty"` // e.g. "Windows Defender", "ClamAV"
	UpToDate     *bool  `json:"uptodate,omitempty"`
	Version      string `json:"version,omitempty"`
	Expiration   string `json:"expiration,omitempty"`    // "YYYY-MM-DD"
	BaseCreation string `json:"base_creation,omitempty"` // signatures date "YYYY-MM-DD"
	BaseVersion  string `json:"base_version,omitempty"`
}

// LocalUser is one local account.
type LocalUser struct {
	Home  string `json:"home,omitempty"`  // e.g. "/home/jdupont", `C:\Users\jdupont`
	ID    string `json:"id"`              // uid "1000" or SID "S-1-5-21-...-1001"
	Login string `json:"login,omitempty"` // e.g. "jdupont"
	Name  string `json:"name,omitempty"`  // full name
	Shell string `json:"shell,omitempty"` // e.g. "/bin/bash"
}

// LocalGroup is one local group.
type LocalGroup struct {
	ID      string   `json:"id"` // gid "27" or SID "S-1-5-32-544"
	Members []string `json:"members,omitempty"`
	Name    string   `json:"name"` // e.g. "sudo", "Administrators"
}

// LicenseInfo is one product licence (Windows, Office).
type LicenseInfo struct {
	Name           string `json:"name,omitempty"`
	FullName       string `json:"fullname,omitempty"`
	Key            string `json:"key,omitempty"`
	Components     string `json:"components,omitempty"`
	Trial          *bool  `json:"trial,omitempty"`
	Update         string `json:"update,omitempty"`
	ActivationDate string `json:"activation_date,omitempty"` // "YYYY-MM-DD hh:mm:ss"
	ProductID      string `json:"productid,omitempty"`
}

// VirtualMachine is one guest hosted on the computer.
type VirtualMachine struct {
	Image     string `json:"image,omitempty"`
	IPAddress string `json:"ipaddress,omitempty"`
	Memory    int64  `json:"memory,omitempty"` // MiB
	Name      string `json:"name"`
	Status    string `json:"status,omitempty"`    // "running", "off", "paused"...
	Subsystem string `json:"subsystem,omitempty"` // e.g. "kvm"
	UUID      string `json:"uuid,omitempty"`
	VCPU      int64  `json:"vcpu,omitempty"`
	VMType    string `json:"vmtype,omitempty"` // e.g. "libvirt", "docker"
	MAC       string `json:"mac,omitempty"`
	Comment   string `json:"comment,omitempty"`
	Owner     string `json:"owner,omitempty"`
	Serial    string `json:"serial,omitempty"`
}
