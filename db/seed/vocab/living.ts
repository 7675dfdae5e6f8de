import { MATERIALS } from './materials';
import { category } from './spec';
import type { CategoryDef } from './types';

export const HOME: CategoryDef = category(
  {
    key: 'home',
    name: 'Home & Living',
    weight: 1.2,
    season: [1.05, 0.95, 0.95, 0.95, 0.9, 0.85, 0.85, 0.9, 1, 1.1, 1.2, 1.35],
    attributes: 'dimensions',
    colored: true,
    returnRate: 0.04,
    adjectives: [
      'Cosy | gemütlich | douillet/douillette | acogedor/acogedora | 心地よい | 温馨',
      'Scandinavian | skandinavisch | scandinave | escandinavo/escandinava | 北欧スタイルの | 北欧风',
      'Rustic | rustikal | rustique | rústico/rústica | 素朴な | 质朴',
    ],
    materials: ['linen', 'cotton', 'wool', 'ceramic', 'glass', 'oak', 'rattan'],
    subcategories: [
      {
        key: 'bedding',
        name: 'Bedding',
        price: [25, 120],
        nouns: [
          'Duvet Cover | Bettbezug:m | housse de couette:f | funda nórdica:f | 掛け布団カバー | 被套 | linen cotton',
          'Pillowcase | Kissenbezug:m | taie d’oreiller:f | funda de almohada:f | 枕カバー | 枕套 | linen cotton',
        ],
      },
      {
        key: 'decor',
        name: 'Decor',
        price: [12, 70],
        nouns: [
          'Vase | Vase:f | vase:m | jarrón:m | 花瓶 | 花瓶 | ceramic glass',
          'Candle Holder | Kerzenhalter:m | bougeoir:m | candelabro:m | キャンドルホルダー | 烛台 | ceramic glass oak',
          'Picture Frame | Bilderrahmen:m | cadre photo:m | marco de fotos:m | フォトフレーム | 相框 | oak glass',
        ],
      },
      {
        key: 'textiles',
        name: 'Home Textiles',
        price: [19, 190],
        nouns: [
          'Throw Blanket | Wohndecke:f | plaid:m | manta:f | ブランケット | 毯子 | wool cotton linen',
          'Cushion Cover | Kissenhülle:f | housse de coussin:f | funda de cojín:f | クッションカバー | 靠垫套 | linen cotton wool',
          'Rug | Teppich:m | tapis:m | alfombra:f | ラグ | 地毯 | wool cotton',
        ],
      },
      {
        key: 'lighting',
        name: 'Lighting',
        price: [39, 220],
        nouns: [
          'Table Lamp | Tischleuchte:f | lampe de table:f | lámpara de mesa:f | テーブルランプ | 台灯 | ceramic glass oak rattan',
          'Pendant Lamp | Pendelleuchte:f | suspension:f | lámpara colgante:f | ペンダントライト | 吊灯 | glass rattan oak',
        ],
      },
    ],
    benefits: {
      en: [
        'Brings a warm, welcoming feel to any room.',
        'Combines easily with different interior styles.',
        'Carefully packed and shipped within two days.',
      ],
      de: [
        'Sorgt in jedem Raum für eine warme, einladende Atmosphäre.',
        'Lässt sich leicht mit verschiedenen Einrichtungsstilen kombinieren.',
        'Sorgfältig verpackt und innerhalb von zwei Tagen versandt.',
      ],
      fr: [
        'Apporte une ambiance chaleureuse à chaque pièce.',
        'S’accorde facilement avec différents styles de décoration.',
        'Soigneusement emballé et expédié sous deux jours.',
      ],
      es: [
        'Aporta un ambiente cálido y acogedor a cualquier estancia.',
        'Combina fácilmente con distintos estilos de decoración.',
        'Embalado con cuidado y enviado en dos días.',
      ],
      ja: [
        'どんなお部屋にも温かみをプラスします。',
        'さまざまなインテリアに合わせやすいデザイン。',
        '丁寧に梱包し、2日以内に発送します。',
      ],
      zh: ['为任何房间带来温暖舒适的氛围。', '轻松搭配各种家居风格。', '精心包装，两天内发货。'],
    },
  },
  MATERIALS,
);

export const KITCHEN: CategoryDef = category(
  {
    key: 'kitchen',
    name: 'Kitchen & Dining',
    weight: 1.1,
    season: [1, 0.95, 0.95, 0.95, 0.95, 0.9, 0.9, 0.9, 1, 1.05, 1.2, 1.4],
    attributes: 'capacity',
    colored: false,
    returnRate: 0.03,
    adjectives: [
      'Professional | professionell | professionnel/professionnelle | profesional | プロ仕様の | 专业',
      'Durable | robust | résistant/résistante | resistente | 丈夫な | 耐用',
      'Rustic | rustikal | rustique | rústico/rústica | 素朴な | 质朴',
    ],
    materials: ['stainless-steel', 'cast-iron', 'ceramic', 'stoneware', 'bamboo', 'glass', 'olive-wood'],
    subcategories: [
      {
        key: 'cookware',
        name: 'Cookware',
        price: [29, 180],
        nouns: [
          'Frying Pan | Bratpfanne:f | poêle:f | sartén:f | フライパン | 煎锅 | stainless-steel cast-iron ceramic',
          'Saucepan | Kochtopf:m | casserole:f | cazo:m | 片手鍋 | 汤锅 | stainless-steel cast-iron',
          'Dutch Oven | Bräter:m | cocotte:f | olla:f | 両手鍋 | 炖锅 | cast-iron stainless-steel ceramic',
        ],
      },
      {
        key: 'tableware',
        name: 'Tableware',
        price: [9, 80],
        nouns: [
          'Plate Set | Tellerset:n | service d’assiettes:m | juego de platos:m | プレートセット | 餐盘套装 | ceramic stoneware bamboo',
          'Mug | Becher:m | mug:m | taza:f | マグカップ | 马克杯 | ceramic stoneware glass',
          'Bowl | Schale:f | bol:m | cuenco:m | ボウル | 碗 | ceramic stoneware glass bamboo olive-wood',
        ],
      },
      {
        key: 'knives-tools',
        name: 'Knives & Tools',
        price: [15, 150],
        nouns: [
          'Chef’s Knife | Kochmesser:n | couteau de chef:m | cuchillo de chef:m | 牛刀 | 主厨刀 | stainless-steel',
          'Cutting Board | Schneidebrett:n | planche à découper:f | tabla de cortar:f | まな板 | 砧板 | bamboo olive-wood',
        ],
      },
      {
        key: 'coffee-tea',
        name: 'Coffee & Tea',
        price: [19, 120],
        nouns: [
          'Teapot | Teekanne:f | théière:f | tetera:f | ティーポット | 茶壶 | ceramic glass cast-iron stoneware',
          'Coffee Grinder | Kaffeemühle:f | moulin à café:m | molinillo de café:m | コーヒーミル | 磨豆机 | stainless-steel ceramic',
          'French Press | Kaffeebereiter:m | cafetière à piston:f | cafetera de émbolo:f | フレンチプレス | 法压壶 | glass stainless-steel',
        ],
      },
    ],
    benefits: {
      en: [
        'Dishwasher safe and easy to clean.',
        'Works on all hobs, including induction.',
        'Balanced and comfortable in the hand.',
      ],
      de: [
        'Spülmaschinenfest und leicht zu reinigen.',
        'Für alle Herdarten geeignet, auch Induktion.',
        'Gut ausbalanciert und angenehm in der Hand.',
      ],
      fr: [
        'Passe au lave-vaisselle et se nettoie facilement.',
        'Compatible avec tous les feux, y compris l’induction.',
        'Bien équilibré et agréable en main.',
      ],
      es: [
        'Apto para lavavajillas y fácil de limpiar.',
        'Apto para todo tipo de cocinas, incluida la inducción.',
        'Bien equilibrado y cómodo en la mano.',
      ],
      ja: ['食洗機対応でお手入れ簡単。', 'IHを含むすべての熱源に対応。', 'バランスがよく手になじみます。'],
      zh: ['可用洗碗机清洗，易于清洁。', '适用于各种灶具，包括电磁炉。', '重心平衡，手感舒适。'],
    },
  },
  MATERIALS,
);

export const GARDEN: CategoryDef = category(
  {
    key: 'garden',
    name: 'Garden',
    weight: 0.8,
    season: [0.5, 0.6, 0.9, 1.4, 1.7, 1.6, 1.4, 1.1, 0.9, 0.7, 0.55, 0.6],
    attributes: 'dimensions',
    colored: true,
    returnRate: 0.03,
    adjectives: [
      'Weatherproof | wetterfest | résistant aux intempéries/résistante aux intempéries | resistente a la intemperie | 耐候性の高い | 耐候',
      'Foldable | klappbar | pliant/pliante | plegable | 折りたたみ式の | 折叠 | garden-furniture',
      'Rustic | rustikal | rustique | rústico/rústica | 素朴な | 质朴',
    ],
    materials: ['terracotta', 'teak', 'galvanised-steel', 'rattan', 'recycled-plastic', 'stainless-steel'],
    subcategories: [
      {
        key: 'planters',
        name: 'Planters',
        price: [12, 120],
        nouns: [
          'Planter | Pflanzkübel:m | jardinière:f | maceta:f | プランター | 花盆 | terracotta galvanised-steel recycled-plastic',
          'Hanging Planter | Blumenampel:f | pot suspendu:m | maceta colgante:f | ハンギングプランター | 吊篮 | terracotta rattan recycled-plastic',
        ],
      },
      {
        key: 'garden-tools',
        name: 'Garden Tools',
        price: [9, 70],
        nouns: [
          'Pruning Shears | Gartenschere:f | sécateur:m | tijeras de podar:fp | 剪定ばさみ | 修枝剪 | stainless-steel',
          'Trowel | Pflanzkelle:f | transplantoir:m | desplantador:m | 移植ごて | 园艺铲 | stainless-steel galvanised-steel',
          'Watering Can | Gießkanne:f | arrosoir:m | regadera:f | じょうろ | 浇水壶 | galvanised-steel recycled-plastic',
        ],
      },
      {
        key: 'garden-furniture',
        name: 'Garden Furniture',
        price: [59, 420],
        nouns: [
          'Garden Chair | Gartenstuhl:m | chaise de jardin:f | silla de jardín:f | ガーデンチェア | 庭院椅 | teak rattan galvanised-steel',
          'Sun Lounger | Sonnenliege:f | chaise longue:f | tumbona:f | デッキチェア | 躺椅 | teak rattan',
          'Garden Bench | Gartenbank:f | banc de jardin:m | banco de jardín:m | ガーデンベンチ | 花园长椅 | teak galvanised-steel',
        ],
      },
      {
        key: 'outdoor-lighting',
        name: 'Outdoor Lighting',
        price: [12, 80],
        nouns: [
          'Solar Lantern | Solarlaterne:f | lanterne solaire:f | farol solar:m | ソーラーランタン | 太阳能灯笼 | rattan stainless-steel recycled-plastic',
          'String Lights | Lichterkette:f | guirlande lumineuse:f | guirnalda de luces:f | ストリングライト | 灯串 | recycled-plastic rattan',
        ],
      },
    ],
    benefits: {
      en: [
        'Built to stay outdoors all season.',
        'Easy to assemble without tools.',
        'Resistant to UV light and frost.',
      ],
      de: [
        'Dafür gemacht, die ganze Saison draußen zu bleiben.',
        'Ohne Werkzeug leicht aufzubauen.',
        'Beständig gegen UV-Licht und Frost.',
      ],
      fr: [
        'Conçu pour rester dehors toute la saison.',
        'Facile à monter sans outils.',
        'Résiste aux UV et au gel.',
      ],
      es: [
        'Pensado para estar al aire libre toda la temporada.',
        'Fácil de montar sin herramientas.',
        'Resistente a los rayos UV y a las heladas.',
      ],
      ja: [
        'シーズン中ずっと屋外で使えます。',
        '工具不要で簡単に組み立てられます。',
        '紫外線や霜に強い素材です。',
      ],
      zh: ['整个季节都可放置户外。', '无需工具，安装简单。', '抗紫外线，耐霜冻。'],
    },
  },
  MATERIALS,
);
