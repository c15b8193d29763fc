package inventory

// Hardware is the "hardware" section: the machine as a whole.
type Hardware struct {
	Name               string `json:"name,omitempty"`               // host name, e.g. "PC-ACCUEIL-02"
	UUID               string `json:"uuid,omitempty"`               // SMBIOS system UUID, e.g. "0055ADC9-1D3A-E411-8043-B05D95113232"
	ChassisType        string `json:"chassis_type,omitempty"`       // SMBIOS chassis, e.g. "Notebook", "Desktop"
	Memory             int64  `json:"memory,omitempty"`             // total RAM in MiB, e.g. 7908
	Swap               int64  `json:"swap,omitempty"`               // swap or page file in MiB
	Workgroup          string `json:"workgroup,omitempty"`          // Windows workgroup or AD domain; Linux DNS domain
	LastLoggedUser     string `json:"lastloggeduser,omitempty"`     // e.g. "jdupont"
	DateLastLoggedUser string `json:"datelastloggeduser,omitempty"` // e.g. "Mon Nov 23 08:12"
	DefaultGateway     string `json:"defaultgateway,omitempty"`     // e.g. "192.168.1.1"
	DNS                string `json:"dns,omitempty"`                // resolvers joined by "/", e.g. "10.0.0.1/10.0.0.2"
	VMSystem           string `json:"vmsystem,omitempty"`           // "Physical", "KVM", "VMware", "Docker", "lxc"...
	Type               string `json:"type,omitempty"`
	Description        string `json:"description,omitempty"` // e.g. "amd64/00-02-14 10:04:12" (uname or Win32 facts)
	WinProdID          string `json:"winprodid,omitempty"`   // Windows product ID, e.g. "00330-80000-00000-AA123"
	WinOwner           string `json:"winowner,omitempty"`    // Windows registered owner
	WinProdKey         string `json:"winprodkey,omitempty"`
	WinCompany         string `json:"wincompany,omitempty"` // Windows registered organisation
	WinLang            string `json:"winlang,omitempty"`    // Windows locale ID, e.g. "1036" (French)
}

// Bios is the "bios" section, from SMBIOS types 0, 1, 2 and 3.
type Bios struct {
	AssetTag        string `json:"assettag,omitempty"`
	BDate           string `json:"bdate,omitempty"`         // BIOS date "YYYY-MM-DD"
	BManufacturer   string `json:"bmanufacturer,omitempty"` // e.g. "Dell Inc."
	BVersion        string `json:"bversion,omitempty"`      // e.g. "1.4.3"
	MManufacturer   string `json:"mmanufacturer,omitempty"` // motherboard maker
	MModel          string `json:"mmodel,omitempty"`        // motherboard model, e.g. "07TYC2"
	MSN             string `json:"msn,omitempty"`           // motherboard serial
	SKUNumber       string `json:"skunumber,omitempty"`
	SManufacturer   string `json:"smanufacturer,omitempty"` // system maker, e.g. "LENOVO"
	SModel          string `json:"smodel,omitempty"`        // system model, e.g. "ThinkPad T14 Gen 2"
	SSN             string `json:"ssn,omitempty"`           // system serial, e.g. "PF2XYZ12"
	BiosSerial      string `json:"biosserial,omitempty"`
	EnclosureSerial string `json:"enclosureserial,omitempty"` // chassis serial
	SecureBoot      string `json:"secure_boot,omitempty"`     // "enabled", "disabled" or "unsupported"
}

// OperatingSystem is the "operatingsystem" section.
type OperatingSystem struct {
	Arch          string    `json:"arch,omitempty"`           // e.g. "x86_64", "aarch64", "64-bit"
	BootTime      string    `json:"boot_time,omitempty"`      // "YYYY-MM-DD hh:mm:ss", local time
	DNSDomain     string    `json:"dns_domain,omitempty"`     // e.g. "mairie.local"
	FQDN          string    `json:"fqdn,omitempty"`           // e.g. "pc-accueil-02.mairie.local"
	FullName      string    `json:"full_name,omitempty"`      // e.g. "Debian GNU/Linux 12 (bookworm)", "Microsoft Windows 11 Pro"
	HostID        string    `json:"hostid,omitempty"`         // e.g. "007f0100"
	InstallDate   string    `json:"install_date,omitempty"`   // "YYYY-MM-DD" or with time
	KernelName    string    `json:"kernel_name,omitempty"`    // "linux", "MSWin32", "darwin"
	KernelVersion string    `json:"kernel_version,omitempty"` // e.g. "6.1.0-18-amd64", "10.0.22631"
	Name          string    `json:"name,omitempty"`           // e.g. "Debian", "Windows"
	SSHKey        string    `json:"ssh_key,omitempty"`        // host public key, e.g. "ssh-ed25519 AAAA..."
	ServicePack   string    `json:"service_pack,omitempty"`   // e.g. "23H2" on Windows
	Timezone      *Timezone `json:"timezone,omitempty"`
	Version       string    `json:"version,omitempty"` // e.g. "12", "11"
}

// Timezone of the operating system.
type Timezone struct {
	Name   string `json:"name"`   // e.g. "Europe/Paris", "Romance Standard Time"
	Offset string `json:"offset"` // "+HHMM", e.g. "+0100"
}
