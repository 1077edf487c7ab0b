"""Nusantara: the regions. Weather, roads, harvests, festivals, local government."""

from . import Angle, Desk

DESK = Desk(
    section="Nusantara",
    scenes=("sawah", "gunung", "laut", "kota"),
    slots={
        "bencana": ("banjir", "tanah longsor", "angin puting beliung", "banjir rob"),
        "festival": (
            "Festival Danau Toba",
            "Festival Budaya Tidore",
            "Festival Lembah Baliem",
            "Pekan Budaya {provinsi}",
            "Festival Kuliner {kota}",
            "Festival Layang-Layang {kota}",
        ),
        "fasilitas": (
            "jembatan gantung",
            "jalan provinsi",
            "puskesmas",
            "bendungan",
            "pasar rakyat",
            "sekolah dasar",
            "dermaga",
        ),
    },
    roles=(
        "Gubernur {provinsi}",
        "Wali Kota {kota}",
        "Kepala BPBD {provinsi}",
        "Kepala Dinas Pekerjaan Umum {provinsi}",
        "Kapolres {kota}",
        "Kepala Dinas Pariwisata {provinsi}",
        "Kepala Dinas Pendidikan {provinsi}",
    ),
    experts=(
        "warga setempat",
        "Ketua RT di lokasi kejadian",
        "peneliti BRIN",
        "akademisi Universitas Mulawarman",
        "tokoh adat setempat",
    ),
    angles=(
        Angle(
            titles=(
                "{bencana} Landa {jumlah} Desa di {provinsi}",
                "Ratusan Warga {kota} Mengungsi Akibat {bencana}",
                "BPBD {provinsi} Tetapkan Status Tanggap Darurat {bencana}",
            ),
            leads=(
                "{bencana} melanda {jumlah} desa di {provinsi} setelah hujan deras mengguyur "
                "sejak {hari} sore. Ratusan rumah terdampak dan warga mulai mengungsi.",
                "Pemerintah daerah menetapkan status tanggap darurat setelah {bencana} memutus "
                "akses jalan utama menuju sejumlah kecamatan di sekitar {kota}.",
            ),
            facts=(
                "Tim gabungan dari BPBD, TNI, Polri, dan relawan dikerahkan untuk mengevakuasi "
                "warga lanjut usia dan anak-anak.",
                "Sebanyak {jumlah2} posko pengungsian didirikan di balai desa dan sekolah yang "
                "aman dari genangan.",
                "Tidak ada korban jiwa dalam peristiwa ini, namun kerugian material ditaksir "
                "mencapai {nilai}.",
            ),
            tags=("Bencana", "BPBD"),
        ),
        Angle(
            titles=(
                "Pembangunan {fasilitas} di {kota} Rampung Akhir Tahun",
                "Warga Keluhkan {fasilitas} Rusak di Pinggiran {kota}",
                "Pemprov {provinsi} Anggarkan {nilai} untuk Perbaikan Infrastruktur",
            ),
            leads=(
                "Pembangunan {fasilitas} yang lama dinanti warga di {kota} ditargetkan rampung "
                "akhir tahun ini. Progres pekerjaan sudah mencapai {persen}.",
                "Warga di pinggiran {kota} mengeluhkan kondisi {fasilitas} yang rusak dan tak "
                "kunjung diperbaiki. Mereka meminta pemerintah daerah turun tangan.",
            ),
            facts=(
                "Proyek tersebut dibiayai dari anggaran daerah dan dana alokasi khusus dengan "
                "nilai total {nilai}.",
                "Sebelumnya warga harus menempuh perjalanan hingga dua jam untuk mencapai pusat "
                "kecamatan.",
                "Pemerintah daerah menjanjikan perbaikan dimulai setelah musim hujan berakhir.",
            ),
            tags=("Infrastruktur", "Pembangunan Daerah"),
        ),
        Angle(
            titles=(
                "{festival} Ditargetkan Datangkan Ribuan Wisatawan",
                "Panen Raya, Petani {provinsi} Harap Harga Gabah Stabil",
                "Ribuan Warga Padati {festival}",
            ),
            leads=(
                "{festival} kembali digelar tahun ini. Panitia menargetkan lebih dari {jumlah} "
                "ribu wisatawan datang selama sepekan penyelenggaraan.",
                "Petani di {provinsi} memasuki masa panen raya. Mereka berharap harga gabah "
                "tidak anjlok seperti musim panen sebelumnya.",
            ),
            facts=(
                "Beragam pertunjukan seni tradisional, pameran kerajinan, dan kuliner khas "
                "daerah disiapkan panitia.",
                "Tingkat hunian hotel di {kota} dilaporkan meningkat menjelang acara.",
                "Produktivitas sawah tahun ini disebut lebih baik berkat pasokan air irigasi "
                "yang cukup.",
            ),
            tags=("Pariwisata", "Budaya", "Pertanian"),
        ),
    ),
    quotes=(
        "Kami sudah berkoordinasi dengan semua pihak agar penanganan berjalan cepat",
        "Keselamatan warga menjadi prioritas utama kami",
        "Anggarannya sudah disiapkan, tinggal menunggu proses lelang selesai",
        "Kami ingin kegiatan ini menggerakkan ekonomi warga sekitar",
        "Kami minta warga tetap waspada dan mengikuti arahan petugas di lapangan",
        "Pemerintah daerah tidak akan tinggal diam",
    ),
    expert_quotes=(
        "Sudah bertahun-tahun kami menunggu perhatian pemerintah",
        "Kalau hujan turun semalaman, kami pasti waswas",
        "Pembangunan harus melibatkan warga sejak perencanaan",
        "Alhamdulillah, tahun ini hasilnya lebih baik dari tahun lalu",
    ),
    background=(
        "{kota} merupakan salah satu daerah dengan pertumbuhan penduduk tercepat di {provinsi}.",
        "Badan Meteorologi, Klimatologi, dan Geofisika memperkirakan curah hujan tinggi masih "
        "akan terjadi dalam beberapa pekan ke depan.",
        "Pemerintah provinsi menargetkan seluruh desa terhubung jalan beraspal dalam lima "
        "tahun ke depan.",
        "Sektor pertanian dan pariwisata menjadi tulang punggung perekonomian {provinsi}.",
    ),
    captions=(
        "Suasana persawahan di {provinsi}",
        "Petugas membantu warga {kota} mengevakuasi barang",
        "Pemandangan alam {provinsi} dari ketinggian",
        "{tokoh} meninjau lokasi",
    ),
    tags=("Nusantara",),
)
