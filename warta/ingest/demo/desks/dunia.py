"""Dunia: diplomacy and world events, told from Jakarta. Speakers are Indonesian
officials (invented); foreign governments speak through unnamed spokespeople."""

from . import Angle, Desk

DESK = Desk(
    section="Dunia",
    scenes=("kota", "gedung", "cahaya", "ilustrasi"),
    slots={
        "forum": (
            "KTT ASEAN",
            "Sidang Majelis Umum PBB",
            "KTT G20",
            "Forum Kerja Sama Ekonomi Asia Pasifik",
            "KTT Gerakan Non-Blok",
            "Konferensi Perubahan Iklim PBB",
        ),
        "isu_dunia": (
            "krisis kemanusiaan di Gaza",
            "perang di Ukraina",
            "ketegangan di Laut China Selatan",
            "krisis politik di Myanmar",
            "perubahan iklim",
            "krisis pangan global",
        ),
    },
    roles=(
        "Menteri Luar Negeri",
        "Juru Bicara Kementerian Luar Negeri",
        "Duta Besar RI untuk {negara}",
        "Direktur Perlindungan WNI Kemlu",
        "Wakil Tetap RI untuk PBB",
    ),
    experts=(
        "pengamat hubungan internasional Universitas Padjadjaran",
        "peneliti senior lembaga kajian strategis",
        "Guru Besar Hukum Internasional Universitas Indonesia",
    ),
    angles=(
        Angle(
            titles=(
                "Indonesia Desak {forum} Bahas {isu_dunia}",
                "Menlu RI Bertemu Mitranya dari {negara} di Sela {forum}",
                "Indonesia dan {negara} Sepakati Kerja Sama Baru",
            ),
            leads=(
                "Indonesia mendesak para pemimpin di {forum} memberi perhatian serius pada "
                "{isu_dunia}. Sikap itu disampaikan dalam pertemuan di {ibukota}.",
                "Indonesia dan {negara} menandatangani {jumlah2} nota kesepahaman yang mencakup "
                "perdagangan, pendidikan, dan energi terbarukan.",
            ),
            facts=(
                "Pertemuan bilateral berlangsung sekitar satu jam dan membahas peningkatan "
                "perdagangan kedua negara yang tahun lalu mencapai {nilai}.",
                "Kedua pihak juga sepakat mempercepat perundingan perjanjian perdagangan yang "
                "sudah berjalan bertahun-tahun.",
                "Delegasi Indonesia membawa usulan konkret terkait bantuan kemanusiaan dan "
                "perlindungan warga sipil.",
            ),
            tags=("Diplomasi", "Kementerian Luar Negeri"),
        ),
        Angle(
            titles=(
                "KBRI {ibukota} Pastikan {jumlah} WNI dalam Kondisi Aman",
                "Pemerintah Pulangkan {jumlah} WNI dari {negara}",
                "WNI di {negara} Diimbau Waspada",
            ),
            leads=(
                "Kedutaan Besar Republik Indonesia di {ibukota} memastikan seluruh warga negara "
                "Indonesia di wilayah terdampak dalam kondisi aman.",
                "Pemerintah memulangkan {jumlah} warga negara Indonesia dari {negara}. Mereka "
                "tiba di Bandara Soekarno-Hatta pada {hari} malam.",
            ),
            facts=(
                "KBRI membuka hotline yang dapat dihubungi selama 24 jam bagi WNI yang "
                "membutuhkan bantuan.",
                "Sebagian besar WNI yang dipulangkan adalah pekerja migran dan mahasiswa.",
                "Pemerintah setempat dilaporkan memberlakukan pembatasan pergerakan di sejumlah "
                "kota.",
            ),
            tags=("Perlindungan WNI", "KBRI"),
        ),
        Angle(
            titles=(
                "{negara} Gelar Pemilu, Partisipasi Pemilih Tinggi",
                "Gelombang Protes Meluas di {ibukota}",
                "{negara} Umumkan Paket Stimulus Ekonomi",
            ),
            leads=(
                "Warga {negara} berbondong-bondong mendatangi tempat pemungutan suara. Komisi "
                "pemilihan setempat mencatat partisipasi pemilih di atas {persen}.",
                "Ribuan orang turun ke jalan di {ibukota} untuk memprotes kebijakan pemerintah. "
                "Aksi yang berlangsung sejak {hari} itu meluas ke sejumlah kota lain.",
            ),
            facts=(
                "Kantor berita setempat melaporkan aparat keamanan disiagakan di titik-titik "
                "strategis.",
                "Juru bicara pemerintah {negara} menyatakan pihaknya membuka ruang dialog dengan "
                "semua kelompok.",
                "Hasil resmi diperkirakan diumumkan dalam beberapa hari ke depan.",
            ),
            tags=("Internasional",),
        ),
    ),
    quotes=(
        "Indonesia konsisten mendorong penyelesaian damai melalui dialog",
        "Perlindungan warga negara Indonesia adalah prioritas kami",
        "Kami terus memantau perkembangan situasi dari jam ke jam",
        "Kerja sama ini akan membawa manfaat nyata bagi rakyat kedua negara",
        "Indonesia siap berperan sebagai jembatan bagi pihak-pihak yang berseteru",
    ),
    expert_quotes=(
        "Politik luar negeri bebas aktif memberi Indonesia ruang untuk bermain di dua kaki",
        "Diplomasi Indonesia perlu diikuti langkah konkret, bukan hanya pernyataan",
        "Stabilitas kawasan sangat menentukan kepentingan ekonomi Indonesia",
    ),
    background=(
        "Indonesia dan {negara} menjalin hubungan diplomatik sejak puluhan tahun lalu.",
        "Menurut data Kementerian Luar Negeri, terdapat sekitar {jumlah} ribu WNI yang "
        "tinggal di {negara}.",
        "Isu {isu_dunia} menjadi salah satu agenda utama pembahasan di berbagai forum "
        "internasional tahun ini.",
    ),
    captions=(
        "Suasana kota {ibukota}",
        "{tokoh} dalam jumpa pers di Kementerian Luar Negeri, Jakarta",
        "Ilustrasi diplomasi internasional",
    ),
    tags=("Dunia",),
)
