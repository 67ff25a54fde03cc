"""Writes about 1 MiB of decision-like text (PUB-8 benchmark): facts with names, ID numbers,
phones, bank accounts, addresses and plates, mixed with amounts, dates and article numbers."""
import random

random.seed(7)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def id_number():
    body = "532328" + f"{random.randint(1960, 2005)}{random.randint(1, 12):02d}{random.randint(1, 28):02d}" + f"{random.randint(0, 999):03d}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights)) % 11]
    return body + check


lines = []
while sum(len(line.encode()) + 1 for line in lines) < 1 << 20:
    name = random.choice(SURNAMES) + random.choice(GIVEN) + random.choice(["", random.choice(GIVEN)])
    lines.append(
        f"当事人{name}（身份证号：{id_number()}，联系电话 1{random.randint(3, 9)}{random.randint(0, 999999999):09d}）"
        f"于2026年{random.randint(1, 12)}月{random.randint(1, 28)}日在元谋县元马镇龙川街{random.randint(1, 200)}号经营时，"
        f"驾驶云E·{random.randint(10000, 99999)}号车辆运输超过保质期的食品，货值金额{random.randint(100, 90000)}元。"
        f"依据《中华人民共和国食品安全法》第一百二十四条第一款，罚款{random.randint(1, 50) * 1000}元，"
        f"请于十五日内缴至开户银行账号 6222 0212 3456 7890 123，逾期每日按罚款数额的百分之三加处罚款。")
print("\n".join(lines))
