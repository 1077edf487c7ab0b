"""Teknologi: the digital economy, telecoms, cyber security. Startups are invented."""

from . import Angle, Desk

DESK = Desk(
    section="Teknologi",
    scenes=("cahaya", "ilustrasi", "kota"),
    slots={
        "startup": ("Lapakita", "Dompetra", "Tanimas", "Kurirku", "Belajaria", "Sehatin"),
        "layanan": (
            "dompet digital",
            "belanja daring",
            "pinjaman daring",
            "layanan kesehatan daring",
            "pendidikan daring",
            "pengiriman barang",
        ),
    },
    roles=(
        "Menteri Komunikasi dan Digital",
        "Kepala Badan Siber dan Sandi Negara",
        "Pendiri {startup}",
        "Direktur Utama {startup}",
        "Ketua Asosiasi Fintech Indonesia",
        "Direktur Jenderal Infrastruktur Digital",
    ),
    experts=(
        "pakar keamanan siber",
        "peneliti ekonomi digital",
        "dosen informatika Institut Teknologi Bandung",
    ),
    angles=(
        Angle(
            titles=(
                "{startup} Raih Pendanaan {nilai}",
                "{startup} Ekspansi ke {jumlah2} Kota Baru",
                "Startup {layanan} {startup} Rumahkan Sebagian Karyawan",
            ),
            leads=(
                "Perusahaan rintisan {layanan} {startup} mengumumkan pendanaan baru senilai "
                "{nilai}. Dana itu akan dipakai untuk memperluas layanan ke luar Jawa.",
                "{startup} melakukan efisiensi dengan merumahkan sebagian karyawannya. "
                "Manajemen menyebut langkah itu diperlukan untuk mencapai profitabilitas.",
            ),
            facts=(
                "Putaran pendanaan dipimpin oleh modal ventura asal Asia Tenggara dengan "
                "partisipasi investor lama.",
                "Saat ini {startup} mengklaim telah melayani lebih dari {jumlah} ribu pengguna "
                "aktif setiap bulan.",
                "Industri {layanan} di Indonesia tumbuh pesat, tetapi persaingan membuat banyak "
                "pemain sulit mencetak laba.",
            ),
            tags=("Startup", "Ekonomi Digital"),
        ),
        Angle(
            titles=(
                "Data {jumlah} Ribu Pengguna Layanan {layanan} Diduga Bocor",
                "BSSN Catat Lonjakan Serangan Siber Jelang Akhir Tahun",
                "Waspada Modus Penipuan Lewat Aplikasi Pesan",
            ),
            leads=(
                "Data pribadi ribuan pengguna layanan {layanan} diduga bocor dan diperjualbelikan "
                "di forum daring. Pemerintah meminta penyelenggara segera melakukan audit.",
                "Badan Siber dan Sandi Negara mencatat lonjakan serangan siber terhadap situs "
                "instansi pemerintah dalam beberapa bulan terakhir.",
            ),
            facts=(
                "Data yang bocor mencakup nama, nomor telepon, alamat surel, hingga nomor induk "
                "kependudukan.",
                "Sebagian besar serangan berupa upaya peretasan dan penyisipan konten judi daring.",
                "Undang-Undang Pelindungan Data Pribadi mewajibkan penyelenggara melapor paling "
                "lambat tiga hari setelah kebocoran diketahui.",
            ),
            tags=("Keamanan Siber", "Data Pribadi", "BSSN"),
        ),
        Angle(
            titles=(
                "Jaringan 5G Diperluas ke {kota}",
                "Pemerintah Targetkan Internet Merata di Desa Terpencil {provinsi}",
                "Satelit Baru Siap Layani Sekolah di Daerah 3T",
            ),
            leads=(
                "Operator seluler memperluas jangkauan jaringan 5G ke {kota}. Pelanggan di "
                "pusat kota sudah bisa menikmati layanan mulai pekan ini.",
                "Pemerintah menargetkan seluruh desa di {provinsi} terjangkau internet dalam "
                "dua tahun ke depan.",
            ),
            facts=(
                "Pembangunan menara pemancar di daerah terpencil menghadapi kendala medan dan "
                "pasokan listrik.",
                "Sebanyak {jumlah} titik layanan publik, termasuk sekolah dan puskesmas, menjadi "
                "prioritas.",
                "Kecepatan unduh rata-rata di Indonesia masih tertinggal dibanding negara "
                "tetangga.",
            ),
            tags=("Telekomunikasi", "Internet"),
        ),
    ),
    quotes=(
        "Transformasi digital harus dirasakan sampai ke pelosok",
        "Kami terus memperkuat sistem keamanan untuk melindungi data pengguna",
        "Fokus kami sekarang adalah pertumbuhan yang sehat dan berkelanjutan",
        "Masyarakat jangan mudah mengklik tautan dari nomor yang tidak dikenal",
        "Kolaborasi pemerintah dan swasta menjadi kunci",
    ),
    expert_quotes=(
        "Kebocoran data selalu berawal dari tata kelola keamanan yang longgar",
        "Era uang murah sudah berakhir, startup harus membuktikan model bisnisnya",
        "Literasi digital masyarakat masih perlu ditingkatkan",
    ),
    background=(
        "Nilai ekonomi digital Indonesia diperkirakan menjadi yang terbesar di Asia Tenggara.",
        "Jumlah pengguna internet di Indonesia sudah melampaui 200 juta orang.",
        "Pemerintah tengah menyiapkan aturan turunan Undang-Undang Pelindungan Data Pribadi.",
    ),
    captions=(
        "Ilustrasi layanan {layanan}",
        "{tokoh} dalam peluncuran layanan baru di Jakarta",
        "Ilustrasi keamanan siber",
    ),
    tags=("Teknologi",),
)
