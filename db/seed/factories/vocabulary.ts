/** Word lists for realistic Chinese and English demo data (no real people). */

export const CN_SURNAMES = [
  ['Wang', '王'], ['Li', '李'], ['Zhang', '张'], ['Liu', '刘'], ['Chen', '陈'], ['Yang', '杨'], ['Zhao', '赵'],
  ['Huang', '黄'], ['Zhou', '周'], ['Wu', '吴'], ['Xu', '徐'], ['Sun', '孙'], ['Hu', '胡'], ['Zhu', '朱'],
  ['Gao', '高'], ['Lin', '林'], ['He', '何'], ['Guo', '郭'], ['Ma', '马'], ['Luo', '罗'],
] as const;

export const CN_GIVEN = [
  ['Wei', '伟'], ['Fang', '芳'], ['Na', '娜'], ['Min', '敏'], ['Jing', '静'], ['Li', '丽'], ['Qiang', '强'],
  ['Lei', '磊'], ['Jun', '军'], ['Yang', '洋'], ['Yong', '勇'], ['Yan', '艳'], ['Jie', '杰'], ['Tao', '涛'],
  ['Ming', '明'], ['Chao', '超'], ['Xiuying', '秀英'], ['Xia', '霞'], ['Ping', '平'], ['Gang', '刚'],
  ['Hui', '慧'], ['Hao', '浩'], ['Yu', '宇'], ['Xin', '欣'],
] as const;

export const CN_COMPANY_CITY = ['北京', '上海', '深圳', '杭州', '广州', '成都'] as const;
export const CN_COMPANY_WORD = ['华信', '永安', '恒达', '金桥', '新星', '天成', '宏远', '瑞丰'] as const;
export const CN_COMPANY_TRADE = ['科技', '贸易', '电子', '物流', '食品', '家居'] as const;

export const EN_FIRST = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William',
  'Susan', 'Richard', 'Jessica', 'Joseph', 'Sarah', 'Thomas', 'Karen', 'Daniel', 'Emily', 'Olivia', 'Noah', 'Sofia', 'Liam',
] as const;

export const EN_LAST = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White', 'Harris', 'Clark',
] as const;

export const EN_COMPANY_TRADE = ['Supply', 'Logistics', 'Hardware', 'Foods', 'Electronics', 'Partners', 'Outfitters'] as const;
export const EN_COMPANY_SUFFIX = ['Inc.', 'LLC', 'Co.', 'Ltd.'] as const;

export const TAGS_EN = ['vip', 'wholesale', 'retail', 'new', 'b2b', 'price-sensitive', 'newsletter', 'complaint-history'] as const;
export const TAGS_CN = ['大客户', '老客户', '新客户', '批发', '零售', '价格敏感', '投诉记录'] as const;

/** A small product catalogue; prices in CNY (USD prices are derived). */
export const PRODUCTS = [
  { sku: 'TEA-LJ-250', en: 'Longjing green tea 250 g', zh: '龙井绿茶 250克', price: 168 },
  { sku: 'TEA-PE-357', en: "Pu'er cake 357 g", zh: '普洱茶饼 357克', price: 298 },
  { sku: 'KET-EL-15', en: 'Electric kettle 1.5 L', zh: '电热水壶 1.5升', price: 239 },
  { sku: 'HDP-BT-01', en: 'Bluetooth headphones', zh: '蓝牙耳机', price: 499 },
  { sku: 'RCK-IH-40', en: 'Induction rice cooker 4 L', zh: '电饭煲 4升', price: 899 },
  { sku: 'PUR-AIR-3', en: 'Air purifier', zh: '空气净化器', price: 1899 },
  { sku: 'CHR-ERG-2', en: 'Ergonomic office chair', zh: '人体工学椅', price: 1299 },
  { sku: 'PHN-CSE-9', en: 'Phone case', zh: '手机壳', price: 39 },
  { sku: 'CBL-USBC-2', en: 'USB-C cable 2 m', zh: 'USB-C 数据线 2米', price: 29 },
  { sku: 'MUG-CER-1', en: 'Ceramic mug', zh: '陶瓷杯', price: 45 },
  { sku: 'LAP-PRO-14', en: 'Laptop 14"', zh: '笔记本电脑 14英寸', price: 6999 },
  { sku: 'TV-OLED-55', en: 'OLED TV 55"', zh: 'OLED 电视 55英寸', price: 8999 },
] as const;

export const CHEAP_PRODUCTS = PRODUCTS.filter((p) => p.price < 300);
export const PREMIUM_PRODUCTS = PRODUCTS.filter((p) => p.price >= 400);

export const ORDER_STATUSES = [
  ['delivered', 60], ['shipped', 10], ['paid', 8], ['pending', 5], ['cancelled', 7], ['refunded', 5], ['returned', 5],
] as const;

export const INTERACTION_SUMMARIES = {
  en: {
    phone: ['Asked about delivery date', 'Wanted to change the shipping address', 'Called about an invoice', 'Asked for a quote on bulk pricing', 'Reported a damaged item', 'Satisfaction call after delivery'],
    email: ['Sent the VAT invoice', 'Confirmed the order by email', 'Asked for the product manual'],
    chat: ['Chat: tracking number requested', 'Chat: asked about warranty'],
    sms: ['SMS: delivery reminder sent'],
    visit: ['Visited the showroom'],
    note: ['Prefers calls after 2 pm', 'Key account: handle with care'],
  },
  zh: {
    phone: ['咨询发货时间', '要求修改收货地址', '询问发票事宜', '咨询批量采购价格', '反映商品破损', '售后满意度回访'],
    email: ['已发送增值税发票', '邮件确认订单', '索取产品说明书'],
    chat: ['在线咨询：查询物流单号', '在线咨询：保修政策'],
    sms: ['短信：发货提醒'],
    visit: ['到店参观展厅'],
    note: ['下午两点后方便接听', '重点客户，注意服务态度'],
  },
} as const;

export const DISPOSITIONS = ['resolved', 'information_given', 'callback_requested', 'order_placed', 'complaint_logged', 'no_answer'] as const;

export const COMPLAINTS: Record<'en' | 'zh', ReadonlyArray<readonly [string, string]>> = {
  en: [
    ['delivery', 'Order arrived a week late'],
    ['product_quality', 'Item stopped working after two days'],
    ['billing', 'Charged twice for one order'],
    ['service', 'Agent promised a callback that never came'],
    ['refund', 'Refund not received after return'],
  ],
  zh: [
    ['delivery', '订单延迟一周才送达'],
    ['product_quality', '商品使用两天后出现故障'],
    ['billing', '同一订单被重复扣款'],
    ['service', '客服承诺回电但一直没有回复'],
    ['refund', '退货后迟迟未收到退款'],
  ],
};

export const FOLLOW_UP_REASONS = {
  en: { callback: 'Call back with the quote', satisfaction: 'Satisfaction call after delivery', check_in: 'Regular check-in', other: 'Confirm the new address' },
  zh: { callback: '回电告知报价', satisfaction: '发货后满意度回访', check_in: '定期客户回访', other: '确认新的收货地址' },
} as const;
